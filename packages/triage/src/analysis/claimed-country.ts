import { findPhoneNumbersInText } from 'libphonenumber-js';
import { allCountryNames, isKnownCountry } from './time-zones';
import { publicSuffix } from './domains';
import { regexLiteral } from '../regex-literal';

export interface CountryClaim {
  country: string;
  source: 'phone' | 'cctld' | 'signature' | 'marketplace';
  detail: string;
}

/** ccTLDs sold worldwide as generic names; they say nothing about where the owner is. */
const GENERIC_CCTLDS = new Set([
  'co',
  'io',
  'me',
  'tv',
  'ai',
  'ws',
  'cc',
  'fm',
  'ly',
  'to',
  'nu',
  'gg',
  'la',
  'vc',
  'sh',
  'ac',
  'am',
  'so',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
  'eu',
  'asia',
]);

const ALIASES: Record<string, string> = {
  usa: 'US',
  'u.s.a.': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u.k.': 'GB',
  england: 'GB',
  scotland: 'GB',
  'great britain': 'GB',
  uae: 'AE',
  'u.a.e.': 'AE',
  deutschland: 'DE',
  germany: 'DE',
  españa: 'ES',
  méxico: 'MX',
  brasil: 'BR',
  italia: 'IT',
  türkiye: 'TR',
  polska: 'PL',
  россия: 'RU',
  казахстан: 'KZ',
  'россия.': 'RU',
  中国: 'CN',
  台灣: 'TW',
  台湾: 'TW',
  日本: 'JP',
  대한민국: 'KR',
  'south korea': 'KR',
  korea: 'KR',
  'viet nam': 'VN',
  'việt nam': 'VN',
  'the netherlands': 'NL',
  holland: 'NL',
  'côte d’ivoire': 'CI',
  "cote d'ivoire": 'CI',
  'saudi arabia': 'SA',
  'المملكة العربية السعودية': 'SA',
  السعودية: 'SA',
  الإمارات: 'AE',
  العراق: 'IQ',
  مصر: 'EG',
  'hong kong': 'HK',
  russia: 'RU',
  'czech republic': 'CZ',
  maroc: 'MA',
  'côte d ivoire': 'CI',
};

let namePattern: RegExp | undefined;
let nameToCode: Map<string, string> | undefined;

function countryNamePattern(): [RegExp, Map<string, string>] {
  if (!namePattern || !nameToCode) {
    nameToCode = new Map(Object.entries(ALIASES));
    for (const { id, name } of allCountryNames()) nameToCode.set(name.toLowerCase(), id);
    const names = [...nameToCode.keys()].sort((a, b) => b.length - a.length).map(regexLiteral);
    namePattern = new RegExp(`(?<![\\p{L}])(${names.join('|')})(?![\\p{L}])`, 'giu');
  }
  return [namePattern, nameToCode];
}

export function countryOfName(name: string): string | undefined {
  const [, codes] = countryNamePattern();
  const trimmed = name.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(trimmed) && isKnownCountry(trimmed.toUpperCase()))
    return trimmed.toUpperCase();
  return codes.get(trimmed) ?? [...codes.entries()].find(([n]) => trimmed.includes(n))?.[1];
}

export function countryOfDomain(domain: string): string | undefined {
  const suffix = publicSuffix(domain);
  const tld = suffix.split('.').pop() ?? '';
  if (tld.length !== 2 || GENERIC_CCTLDS.has(tld)) return undefined;
  const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return isKnownCountry(code) ? code : undefined;
}

/** A sign-off or the `-- ` delimiter: what follows is the signature. */
const SIGN_OFF =
  /^\s*(--\s*$|(best |kind |warm )?regards\b|best\b|sincerely|yours\b|thanks?( you)?\b|cheers\b|saludos|atenciosamente|cordialement|mit freundlichen|с уважением|مع (التحية|تحياتي)|此致|祝好|谢谢)/i;
/** Lines of a full business signature: name, title, company, two address lines, phone, mail, site. */
const SIGNATURE_LINES = 8;

/**
 * The signature of the sender's own text: the lines after the last sign-off near the end, or
 * else the last few lines. Reading further up takes country names from the body (news, a
 * mailing list's talk) for the sender's address.
 */
export function signatureBlock(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('>'));
  const tail = lines.slice(-SIGNATURE_LINES - 4);
  let start = -1;
  tail.forEach((line, i) => {
    if (line.length <= 40 && SIGN_OFF.test(line)) start = i + 1;
  });
  const block =
    start >= 0 && start < tail.length ? tail.slice(start) : tail.slice(-SIGNATURE_LINES);
  return block.slice(0, SIGNATURE_LINES).join('\n');
}

/** Countries the sender claims to be in, from the signature's phone numbers and address and the domain. */
export function findCountryClaims(text: string, senderDomain: string): CountryClaim[] {
  const claims: CountryClaim[] = [];
  const signature = signatureBlock(text);
  if (/\+\s?\d/.test(signature)) {
    for (const found of findPhoneNumbersInText(signature)) {
      if (found.number.country)
        claims.push({
          country: found.number.country,
          source: 'phone',
          detail: found.number.number,
        });
    }
  }
  const [pattern, codes] = countryNamePattern();
  pattern.lastIndex = 0;
  for (const match of signature.matchAll(pattern)) {
    const code = codes.get(match[1]!.toLowerCase());
    if (code) claims.push({ country: code, source: 'signature', detail: match[1]! });
  }
  const tldCountry = countryOfDomain(senderDomain);
  if (tldCountry) claims.push({ country: tldCountry, source: 'cctld', detail: senderDomain });
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.country}|${c.source}|${c.detail.toLowerCase()}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
