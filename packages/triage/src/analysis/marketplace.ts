import type { NormalisedMessage } from '@inquiry/mail';
import type { MarketplaceAdapter } from '../triage.config';
import type { MarketplaceFields } from '../triage.types';
import { domainOf, hostMatches } from './domains';

const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'imu');
    compiled.set(source, re);
  }
  return re;
}

function field(text: string, source: string | undefined): string | undefined {
  if (!source) return undefined;
  const value = regex(source).exec(text)?.[1]?.trim();
  return value ? value : undefined;
}

/** The adapter whose platform sent this message (sender domain and layout both match). */
export function matchMarketplace(
  message: NormalisedMessage,
  adapters: readonly MarketplaceAdapter[],
): MarketplaceAdapter | undefined {
  const sender = domainOf(message.from?.address);
  return adapters.find(
    (a) =>
      hostMatches(sender, a.senderDomains) &&
      a.layout.some((source) => regex(source).test(message.text)),
  );
}

/** A marketplace the message claims to come from (its name in the sender or subject) without being sent by it. */
export function imitatedMarketplace(
  message: NormalisedMessage,
  adapters: readonly MarketplaceAdapter[],
): MarketplaceAdapter | undefined {
  const sender = domainOf(message.from?.address);
  const subjectTag = /^\s*\[([^\]]+)\]/.exec(message.subject)?.[1] ?? '';
  const claim = `${message.from?.name ?? ''} ${sender} ${subjectTag}`.toLowerCase();
  return adapters.find((a) => {
    if (hostMatches(sender, a.senderDomains)) return false;
    const names = [
      a.name.toLowerCase(),
      a.id.toLowerCase(),
      ...a.senderDomains.map((d) => d.split('.').slice(-2, -1)[0] ?? d),
    ];
    return names.some((name) => name.length >= 4 && claim.includes(name));
  });
}

export function extractMarketplaceFields(
  text: string,
  adapter: MarketplaceAdapter,
): MarketplaceFields {
  const badgeText = field(text, adapter.fields.badges);
  const buyer = field(text, adapter.fields.buyerName);
  const company = field(text, adapter.fields.company);
  const buyerParts = buyer?.split(/\s*,\s*/) ?? [];
  return {
    platform: adapter.name,
    buyerName: buyerParts[0],
    company: company ?? (buyerParts.length > 1 ? buyerParts.slice(1).join(', ') : undefined),
    country: field(text, adapter.fields.country),
    product: field(text, adapter.fields.product),
    quantity: field(text, adapter.fields.quantity),
    message: field(text, adapter.fields.message) ?? text,
    badges: badgeText ? badgeText.split(/\s*[·|,]\s*/).filter(Boolean) : [],
  };
}
