import chardet from 'chardet';
import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';

/** What decoding one run of bytes came to: the text and how much it can be trusted. */
export interface DecodedText {
  text: string;
  /** Charset the text was finally decoded from, as iconv-lite names it. */
  usedCharset: string;
  /** Set when the bytes did not decode cleanly from what was declared. */
  problem?: string;
}

const REPLACEMENT = '\uFFFD';

/**
 * Labels senders write, mapped to the decoder real mail needs. GB2312 and GBK labels routinely
 * carry GB18030 characters; EUC-KR labels carry the CP949 extensions; Latin-1 and Latin-5
 * labels carry Windows punctuation in 0x80-0x9F (the mapping WHATWG Encoding makes as well).
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['gb2312', 'gb18030'],
  ['gbk', 'gb18030'],
  ['x-gbk', 'gb18030'],
  ['cp936', 'gb18030'],
  ['csgb2312', 'gb18030'],
  ['gb_2312-80', 'gb18030'],
  ['euc-cn', 'gb18030'],
  ['chinese', 'gb18030'],
  ['euc-kr', 'cp949'],
  ['ks_c_5601-1987', 'cp949'],
  ['ks_c_5601', 'cp949'],
  ['ksc5601', 'cp949'],
  ['x-windows-949', 'cp949'],
  ['iso-8859-1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['us-ascii', 'utf-8'],
  ['ascii', 'utf-8'],
  ['iso-8859-9', 'windows-1254'],
  ['x-mac-cyrillic', 'maccyrillic'],
  ['utf8', 'utf-8'],
]);

const JAPANESE = /^(?:iso-?2022-?jp(?:-\d)?|csiso2022jp|jis)$/;
// UTF-7 can smuggle markup past filters and base64/hex are transfer encodings, never text charsets.
const REFUSED = /^(?:(?:cs)?unicode-?1-?1-?)?utf-?7(?:-?imap)?$|^base64$|^hex$/;

function normaliseCharsetName(label: string | undefined): string | undefined {
  const name = (label ?? '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!name) return undefined;
  return ALIASES.get(name) ?? name;
}

function canDecode(charset: string): boolean {
  return JAPANESE.test(charset) || (!REFUSED.test(charset) && iconv.encodingExists(charset));
}

/**
 * The bytes as text in `charset`. Decoders of 16-bit charsets leave half surrogate pairs where
 * bytes are broken; those become U+FFFD, as UTF-8 decoding does, so the text can be stored.
 */
function decodeAs(bytes: Buffer, charset: string): string {
  if (charset === 'utf-8') return bytes.toString('utf8');
  if (JAPANESE.test(charset)) {
    return Encoding.convert(bytes, { to: 'UNICODE', from: 'JIS', type: 'string' }).toWellFormed();
  }
  return iconv.decode(bytes, charset).toWellFormed();
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) count++;
  return count;
}

/** Where the first byte outside 7-bit text is (ESC counts: ISO-2022 starts with it), or -1. */
function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f || bytes[i] === 0x1b) return i;
  return -1;
}

/** Bytes the detector reads at most: its cost grows with the input, its verdict settles long before. */
const DETECTION_WINDOW = 4_096;

/**
 * A window of at most DETECTION_WINDOW bytes that opens just before the first byte outside
 * ASCII, where what tells the charsets apart begins; ASCII alone fits them all.
 */
function detectionSample(bytes: Buffer): Buffer {
  if (bytes.length <= DETECTION_WINDOW) return bytes;
  const start = Math.max(0, Math.min(firstNonAscii(bytes) - 512, bytes.length - DETECTION_WINDOW));
  return bytes.subarray(start, start + DETECTION_WINDOW);
}

/**
 * Charsets the detector proposes, most likely first, limited to ones we can decode. A detector
 * guess of UTF-8 is kept as well: it means the declared charset should not be second-guessed.
 */
function detectedCandidates(bytes: Buffer): string[] {
  return chardet
    .analyse(detectionSample(bytes))
    .map((match) => normaliseCharsetName(match.name) ?? '')
    .filter((name, index, all) => name && all.indexOf(name) === index && canDecode(name));
}

/**
 * Decodes the bytes of one text body or header word. The declared charset is tried first; when it
 * is missing, unknown or yields replacement characters, a detector proposes the charset. Never
 * throws and never drops bytes: undecodable bytes become U+FFFD and the result carries a problem.
 */
export function decodeText(bytes: Buffer, declared: string | undefined): DecodedText {
  const label = normaliseCharsetName(declared);
  if (firstNonAscii(bytes) === -1)
    return { text: bytes.toString('latin1'), usedCharset: label ?? 'us-ascii' };

  const known = label !== undefined && canDecode(label);
  const tried = known ? label : 'utf-8';
  const first = decodeAs(bytes, tried);
  const firstBad =
    countReplacements(first) - (tried === 'utf-8' ? countLiteralReplacements(bytes) : 0);
  const said = declared === undefined ? 'no charset declared' : `declared charset "${declared}"`;
  if (firstBad === 0) {
    if (known || label === undefined) return { text: first, usedCharset: tried };
    return { text: first, usedCharset: tried, problem: `${said} is unknown: decoded as utf-8` };
  }

  let best = { text: first, charset: tried, bad: firstBad };
  // Detectors rank close single-byte charsets closely; the first few are tried and the cleanest wins.
  for (const candidate of detectedCandidates(bytes).slice(0, 3)) {
    if (best.bad === 0) break;
    if (candidate === tried) continue;
    const text = decodeAs(bytes, candidate);
    const bad = countReplacements(text);
    if (bad < best.bad) best = { text, charset: candidate, bad };
  }

  const how =
    best.charset === tried
      ? `${best.bad} byte sequence(s) could not be decoded as ${tried} and were replaced with U+FFFD`
      : best.bad === 0
        ? `decoded as detected ${best.charset}`
        : `decoded as detected ${best.charset} with ${best.bad} undecodable byte sequence(s) replaced`;
  const unknown = label !== undefined && !known ? ' is unknown' : '';
  return { text: best.text, usedCharset: best.charset, problem: `${said}${unknown}: ${how}` };
}

/** U+FFFD the sender really wrote (EF BF BD in UTF-8) is text, not a decoding failure. */
function countLiteralReplacements(bytes: Buffer): number {
  let count = 0;
  for (
    let i = bytes.indexOf(0xef);
    i !== -1 && i + 2 < bytes.length;
    i = bytes.indexOf(0xef, i + 1)
  ) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}
