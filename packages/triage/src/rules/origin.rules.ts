import type { MessageFacts } from '../analysis/message-facts';
import { countryOffsets, formatOffset, isImpossibleOffset } from '../analysis/time-zones';
import type { TriageRule } from './rule';

function claimText(facts: MessageFacts): string {
  return facts.claims
    .map((c) => `${c.country} (${c.source}: ${c.detail})`)
    .slice(0, 3)
    .join(', ');
}

/** The sender claims a country, and it is not the exporter's own. */
function claimsAbroad(facts: MessageFacts): boolean {
  return (
    facts.claimedCountries.length > 0 && !facts.claimedCountries.includes(facts.config.ownCountry)
  );
}

export const domesticOriginClaimsForeign: TriageRule = {
  id: 'origin.domestic-claims-foreign',
  class: 'spy',
  explanation: {
    en: 'The message was sent from an IP address in our own country while the sender claims to be abroad, typical of a competitor posing as a foreign buyer.',
    zh: '发件 IP 位于我方所在国家，但发件人自称海外买家，这是同行冒充外商套价的典型迹象。',
  },
  evaluate(facts) {
    const { origin, config } = facts;
    if (origin.country !== config.ownCountry || !claimsAbroad(facts)) return undefined;
    return { detail: `IP ${origin.ip} (${origin.country}); claims ${claimText(facts)}` };
  },
};

export const ipClaimMismatch: TriageRule = {
  id: 'origin.ip-claim-mismatch',
  class: 'scam',
  explanation: {
    en: "The sender's IP address is in a different country from the one the sender claims; travellers and VPNs exist, so this only adds to other signs.",
    zh: '发件 IP 所在国家与发件人自称的国家不一致；出差和 VPN 也会造成这种情况，只能作为辅助判断。',
  },
  evaluate(facts) {
    const { origin, config } = facts;
    if (
      !origin.country ||
      origin.country === config.ownCountry ||
      facts.claimedCountries.length === 0
    )
      return undefined;
    if (facts.claimedCountries.includes(origin.country)) return undefined;
    return { detail: `IP ${origin.ip} (${origin.country}); claims ${claimText(facts)}` };
  },
};

export const consistentOrigin: TriageRule = {
  id: 'origin.consistent',
  class: 'genuine',
  explanation: {
    en: "The sender's IP country matches the country in the signature, phone number or domain.",
    zh: '发件 IP 所在国家与签名、电话区号或域名显示的国家一致。',
  },
  evaluate(facts) {
    const { origin } = facts;
    if (!origin.country || !facts.claimedCountries.includes(origin.country)) return undefined;
    return { detail: `IP ${origin.ip} (${origin.country}) agrees with ${claimText(facts)}` };
  },
};

export const impossibleOffset: TriageRule = {
  id: 'time.impossible-offset',
  class: 'spam',
  explanation: {
    en: 'The Date header carries a time-zone offset that exists nowhere, a mark of bulk-mail software.',
    zh: '邮件 Date 头中的时区偏移在现实中不存在，这是群发软件的特征。',
  },
  evaluate(facts) {
    const offset = facts.message.dateOffsetMinutes;
    if (offset === undefined || !isImpossibleOffset(offset)) return undefined;
    return { detail: facts.message.dateRaw ?? formatOffset(offset) };
  },
};

/** Whether the Date offset is in use in some claimed country on the sending day; undefined when it cannot be judged. */
function offsetFitsClaims(facts: MessageFacts): { offset: number; fits: boolean } | undefined {
  const { message } = facts;
  if (
    facts.marketplace ||
    message.dateOffsetMinutes === undefined ||
    !message.date ||
    facts.claimedCountries.length === 0
  )
    return undefined;
  const offset = message.dateOffsetMinutes;
  if (isImpossibleOffset(offset)) return undefined;
  const fits = facts.claimedCountries.some((country) =>
    countryOffsets(country, message.date!).includes(offset),
  );
  return { offset, fits };
}

function ownOffsets(facts: MessageFacts): number[] {
  return facts.message.date ? countryOffsets(facts.config.ownCountry, facts.message.date) : [];
}

export const domesticOffsetClaimsForeign: TriageRule = {
  id: 'time.domestic-offset-claims-foreign',
  class: 'spy',
  explanation: {
    en: "The sender's clock is set to our own time zone, which fits none of the countries the sender claims.",
    zh: '发件人电脑时区与我方相同，却与其自称的国家都不相符。',
  },
  evaluate(facts) {
    const check = offsetFitsClaims(facts);
    if (!check || check.fits || !claimsAbroad(facts) || !ownOffsets(facts).includes(check.offset))
      return undefined;
    return {
      detail: `Date ${formatOffset(check.offset)}; claims ${facts.claimedCountries.join(', ')}`,
    };
  },
};

export const offsetClaimMismatch: TriageRule = {
  id: 'time.offset-claim-mismatch',
  class: 'scam',
  explanation: {
    en: 'The time-zone offset of the Date header does not exist in the country the sender claims.',
    zh: '邮件 Date 头的时区与发件人自称所在国家的时区不符。',
  },
  evaluate(facts) {
    const check = offsetFitsClaims(facts);
    if (!check || check.fits || ownOffsets(facts).includes(check.offset)) return undefined;
    const detail = `Date ${formatOffset(check.offset)}; claims ${facts.claimedCountries.join(', ')}`;
    // An offset of the IP's own country repeats what the IP mismatch already says: the sender is
    // where the IP is. It adds evidence only when it fits neither place.
    const ipCountry = facts.origin.country;
    const repeatsIp =
      ipCountry !== undefined &&
      !facts.claimedCountries.includes(ipCountry) &&
      countryOffsets(ipCountry, facts.message.date!).includes(check.offset);
    return repeatsIp
      ? { detail: `${detail}, as in the IP's country ${ipCountry}`, strength: 0.5 }
      : { detail };
  },
};

export const nightSend: TriageRule = {
  id: 'time.night-send',
  class: 'spy',
  explanation: {
    en: 'The message was written between midnight and 05:00 in the country the sender claims, which is unusual for an office buyer.',
    zh: '按发件人自称国家的当地时间，邮件写于凌晨 0 点至 5 点之间，不符合正常办公习惯。',
  },
  evaluate(facts) {
    const { message } = facts;
    if (facts.marketplace || !message.date || facts.claimedCountries.length !== 1) return undefined;
    const country = facts.claimedCountries[0]!;
    const hours = countryOffsets(country, message.date).map((offset) =>
      new Date(message.date!.getTime() + offset * 60_000).getUTCHours(),
    );
    if (hours.length === 0 || hours.some((hour) => hour >= 5)) return undefined;
    return { detail: `${String(hours[0]).padStart(2, '0')}:xx local time in ${country}` };
  },
};

export const originRules: TriageRule[] = [
  domesticOriginClaimsForeign,
  ipClaimMismatch,
  consistentOrigin,
  impossibleOffset,
  domesticOffsetClaimsForeign,
  offsetClaimMismatch,
  nightSend,
];
