import { domainOf, localPartOf, registrableDomain } from '../analysis/domains';
import { firstImitation } from '../analysis/lookalike';
import { isDisposableDomain, isFreeMailDomain } from '../analysis/mailbox-lists';
import { regexLiteral } from '../regex-literal';
import { perConfig } from '../triage.config';
import type { TriageRule } from './rule';

export const freeMail: TriageRule = {
  id: 'mailbox.free-mail',
  class: 'scam',
  explanation: {
    en: 'The sender uses a free webmail address; many small buyers do too, so this counts only with other signs.',
    zh: '发件人使用免费邮箱；不少小买家也用免费邮箱，需结合其他迹象判断。',
  },
  evaluate(facts) {
    if (
      !facts.senderDomain ||
      facts.marketplace ||
      facts.config.domesticFreeMail.includes(facts.senderSite)
    )
      return undefined;
    return isFreeMailDomain(facts.senderSite) ? { detail: facts.senderDomain } : undefined;
  },
};

export const domesticFreeMail: TriageRule = {
  id: 'mailbox.domestic-free-mail',
  class: 'spy',
  explanation: {
    en: 'The sender writes from a free mailbox of our own country while presenting as a foreign buyer.',
    zh: '发件人使用国内免费邮箱（如 QQ、163），却以海外买家身份询价。',
  },
  evaluate(facts) {
    if (!facts.config.domesticFreeMail.includes(facts.senderSite)) return undefined;
    const claimsHome = facts.claimedCountries.includes(facts.config.ownCountry);
    if (claimsHome) return undefined;
    return { detail: facts.senderDomain, strength: facts.claimedCountries.length > 0 ? 1 : 0.5 };
  },
};

export const disposableMailbox: TriageRule = {
  id: 'mailbox.disposable',
  class: 'scam',
  explanation: {
    en: 'The sender uses a throw-away mailbox that disappears after a short time.',
    zh: '发件人使用一次性临时邮箱，很快就会失效。',
  },
  evaluate(facts) {
    return isDisposableDomain(facts.senderSite) || isDisposableDomain(facts.senderDomain)
      ? { detail: facts.senderDomain }
      : undefined;
  },
};

export const digitsLocalPart: TriageRule = {
  id: 'mailbox.digits-local-part',
  class: 'scam',
  explanation: {
    en: 'The mailbox name is mostly digits or random characters, unlike a real person or role address.',
    zh: '邮箱用户名大部分是数字或随机字符，不像真实的个人或部门邮箱。',
  },
  evaluate(facts) {
    const local = localPartOf(facts.senderAddress);
    const digits = (local.match(/\d/g) ?? []).length;
    if (local.length < 5 || facts.marketplace) return undefined;
    return digits >= 4 && digits / local.length >= 0.3
      ? { detail: facts.senderAddress }
      : undefined;
  },
};

interface Brand {
  /** The brand as a whole word of a display name. */
  pattern: RegExp;
  /** Its letters and digits, as they would appear in the brand's own domain. */
  letters: string;
}

/** Protected brands, then our own domain names (of four letters or more), in that order. */
const brandsOf = perConfig((config): Brand[] => {
  const own = config.ownDomains.map((d) => d.split('.')[0]!).filter((stem) => stem.length >= 4);
  return [...config.protectedBrands, ...own].map((b) => ({
    pattern: new RegExp(`(^|[^a-z])${regexLiteral(b)}([^a-z]|$)`),
    letters: b.replace(/[^a-z0-9]/g, ''),
  }));
});

export const displayNameSpoof: TriageRule = {
  id: 'mailbox.display-name-spoof',
  class: 'scam',
  explanation: {
    en: "The sender's display name shows another address or a well-known brand that the sending domain does not belong to.",
    zh: '发件人显示名称里是另一个邮箱地址或知名品牌，但实际发件域名与之无关。',
  },
  evaluate(facts) {
    const name = facts.displayName.toLowerCase();
    if (!name) return undefined;
    const shown = /[\w.+-]+@([\w-]+\.[\w.-]+)/.exec(name)?.[1];
    if (shown && registrableDomain(shown) !== facts.senderSite)
      return { detail: `"${facts.displayName}" <${facts.senderAddress}>` };
    const site = facts.senderSite.replace(/[^a-z0-9]/g, '');
    const brand = brandsOf(facts.config).find(
      ({ pattern, letters }) => pattern.test(name) && !site.includes(letters),
    );
    return brand ? { detail: `"${facts.displayName}" <${facts.senderAddress}>` } : undefined;
  },
};

export const replyToMismatch: TriageRule = {
  id: 'mailbox.reply-to-mismatch',
  class: 'scam',
  explanation: {
    en: 'Replies would go to a different domain from the sender, often a free mailbox the fraudster controls.',
    zh: '回复地址与发件人不在同一个域名下，常是骗子控制的免费邮箱。',
  },
  evaluate(facts) {
    if (facts.marketplace || !facts.senderSite) return undefined;
    const other = facts.message.replyTo
      .map((a) => domainOf(a.address))
      .find((d) => d && registrableDomain(d) !== facts.senderSite);
    if (!other) return undefined;
    if (isFreeMailDomain(registrableDomain(other)))
      return { detail: `Reply-To ${other}, From ${facts.senderDomain}` };
    return facts.header('list-id')
      ? undefined
      : { detail: `Reply-To ${other}, From ${facts.senderDomain}`, strength: 0.5 };
  },
};

export const lookalikeDomain: TriageRule = {
  id: 'mailbox.lookalike-domain',
  class: 'scam',
  explanation: {
    en: "The sender's or the Reply-To domain imitates our own, a marketplace's or a well-known brand's by a small change in spelling.",
    zh: '发件人或回复地址的域名通过细微拼写差异仿冒我方、平台或知名品牌的域名。',
  },
  evaluate(facts) {
    const sites = facts.message.replyTo.map((a) => registrableDomain(domainOf(a.address)));
    if (facts.senderSite) sites.unshift(facts.senderSite);
    const found = firstImitation(sites, facts.config);
    return found && { detail: `${found.site} imitates ${found.imitated}` };
  },
};

export const mailboxRules: TriageRule[] = [
  freeMail,
  domesticFreeMail,
  disposableMailbox,
  digitsLocalPart,
  displayNameSpoof,
  replyToMismatch,
  lookalikeDomain,
];
