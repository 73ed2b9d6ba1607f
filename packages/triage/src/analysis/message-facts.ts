import type { NormalisedMessage } from '@inquiry/mail';
import type { MarketplaceAdapter, TriageConfig } from '../triage.config';
import type { MarketplaceFields, OriginInfo, TriageContext } from '../triage.types';
import type { CountryClaim } from './claimed-country';
import { countryOfName, findCountryClaims } from './claimed-country';
import { domainOf, hostMatches, registrableDomain } from './domains';
import { extractMarketplaceFields, imitatedMarketplace, matchMarketplace } from './marketplace';
import { simhash } from './fingerprint';
import { findOrigin } from './origin';
import { classifyTokens } from '../learning/token-model';
import { shippedTokenModel } from '../learning/shipped-model';

/** Longest stretch of text the content rules read; bulk mail pads far beyond it. */
const MAX_TEXT = 2_500;

/** Everything the rules read, computed once per message so each rule stays a few lines. */
export interface MessageFacts {
  message: NormalisedMessage;
  language: string;
  config: TriageConfig;
  context: TriageContext;
  subject: string;
  /** The sender's own words: the buyer's message for marketplace relays, quotes removed otherwise. */
  body: string;
  /** `subject` + `body`, lower-cased, for phrase matching. */
  content: string;
  senderAddress: string;
  senderDomain: string;
  senderSite: string;
  displayName: string;
  origin: OriginInfo;
  claims: CountryClaim[];
  claimedCountries: string[];
  marketplace?: { adapter: MarketplaceAdapter; fields: MarketplaceFields };
  imitated?: MarketplaceAdapter;
  /** Class probabilities from the token model in use (none when the context asks for rules only). */
  tokenPosterior?: Record<string, number>;
  /** Simhash of the sender's own words (see analysis/fingerprint). */
  fingerprint: string;
  /** Authentication-Results added by our own or a trusted server, lower-cased. */
  authResults: string;
  header(name: string): string | undefined;
}

const QUOTED = /^\s*>/;
const REPLY_HEADER =
  /^\s*(-{2,}\s*original message\s*-{2,}|on .{4,80} wrote:\s*$|在.{2,60}写道[:：])/i;

function ownText(text: string): string {
  const out: string[] = [];
  let length = 0;
  // Lines past the part the rules read cannot change it: bulk mail runs to hundreds of kilobytes.
  for (const line of text.split('\n')) {
    if (length > MAX_TEXT) break;
    if (QUOTED.test(line)) continue;
    // Stop at the quoted original of a reply ("On ... wrote:", "-----Original Message-----").
    if (REPLY_HEADER.test(line)) break;
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n').slice(0, MAX_TEXT);
}

interface SenderParts {
  config: TriageConfig;
  adapter: MarketplaceAdapter | undefined;
  fields: MarketplaceFields | undefined;
  text: string;
}

/** The language detector reads the sender's text just before triage does: one extraction serves both. */
const senderParts = new WeakMap<NormalisedMessage, SenderParts>();

function partsOf(message: NormalisedMessage, config: TriageConfig): SenderParts {
  const cached = senderParts.get(message);
  if (cached?.config === config) return cached;
  const adapter = config.marketplaces.length
    ? matchMarketplace(message, config.marketplaces)
    : undefined;
  const fields = adapter ? extractMarketplaceFields(message.text, adapter) : undefined;
  const parts = { config, adapter, fields, text: fields ? fields.message : ownText(message.text) };
  senderParts.set(message, parts);
  return parts;
}

/**
 * The sender's own words: the buyer's message inside a marketplace notification, otherwise the
 * body without quoted replies. Language detection should read this, not the platform template.
 */
export function senderText(message: NormalisedMessage, config: TriageConfig): string {
  return partsOf(message, config).text;
}

export function buildFacts(
  message: NormalisedMessage,
  language: string,
  config: TriageConfig,
  context: TriageContext,
): MessageFacts {
  const senderAddress = message.from?.address ?? '';
  const senderDomain = domainOf(senderAddress);
  const { adapter, fields, text: body } = partsOf(message, config);
  const claims = adapter ? [] : findCountryClaims(body, senderDomain);
  const marketplaceCountry = fields?.country ? countryOfName(fields.country) : undefined;
  if (marketplaceCountry && fields)
    claims.push({
      country: marketplaceCountry,
      source: 'marketplace',
      detail: fields.country ?? '',
    });
  const headerMap = new Map<string, string>();
  for (const { name, value } of message.headers)
    if (!headerMap.has(name)) headerMap.set(name, value);
  const trusted = [...config.ownDomains, ...config.trustedRelays];
  const authResults = message.headers
    .filter((h) => h.name === 'authentication-results')
    .map((h) => h.value)
    .filter((value) => hostMatches(value.split(/[;\s]/)[0], trusted))
    .join(' ')
    .toLowerCase();
  const subject = fields?.product ?? message.subject;
  const tokenModel = context.tokenModel === undefined ? shippedTokenModel() : context.tokenModel;
  return {
    message,
    language: language || 'und',
    config,
    context,
    subject: message.subject,
    body,
    content: `${subject}\n${body}`.toLowerCase(),
    senderAddress,
    senderDomain,
    senderSite: senderDomain ? registrableDomain(senderDomain) : '',
    displayName: message.from?.name ?? '',
    origin: adapter ? {} : findOrigin(message, config),
    claims,
    claimedCountries: [...new Set(claims.map((c) => c.country))],
    marketplace: adapter && fields ? { adapter, fields } : undefined,
    imitated: adapter ? undefined : imitatedMarketplace(message, config.marketplaces),
    tokenPosterior: tokenModel ? classifyTokens(tokenModel, message) : undefined,
    fingerprint: simhash(body),
    authResults,
    header: (name) => headerMap.get(name),
  };
}
