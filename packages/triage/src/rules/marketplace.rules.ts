import { hostMatches } from '../analysis/domains';
import type { TriageRule } from './rule';

export const fakeMarketplaceNotice: TriageRule = {
  id: 'marketplace.fake-notice',
  class: 'scam',
  explanation: {
    en: "The message presents itself as a marketplace notification but was not sent by the marketplace's own servers.",
    zh: '邮件伪装成平台询盘通知，但并非由该平台的服务器发出。',
  },
  evaluate(facts) {
    if (facts.imitated)
      return {
        detail: `claims ${facts.imitated.name}, sent from ${facts.senderDomain || 'unknown sender'}`,
      };
    if (facts.marketplace && /(spf|dkim|dmarc)=fail/.test(facts.authResults)) {
      return { detail: `${facts.marketplace.adapter.name} sender failed authentication` };
    }
    if (facts.marketplace) {
      const { adapter } = facts.marketplace;
      const foreignLink = facts.message.links.find(
        (link) =>
          link.host && !hostMatches(link.host, [...adapter.linkDomains, ...adapter.senderDomains]),
      );
      if (foreignLink && /log ?in|sign ?in|verify|password|view/i.test(foreignLink.text)) {
        return { detail: `${adapter.name} notice links to ${foreignLink.host}` };
      }
    }
    return undefined;
  },
};

export const verifiedMarketplaceBuyer: TriageRule = {
  id: 'marketplace.verified-relay',
  class: 'genuine',
  explanation: {
    en: 'The inquiry was relayed by the marketplace itself and the platform shows the buyer as verified.',
    zh: '询盘由平台正规转发，且平台显示买家已通过验证。',
  },
  evaluate(facts) {
    const found = facts.marketplace;
    if (!found) return undefined;
    const badges = found.fields.badges.map((b) => b.toLowerCase());
    const verified = badges.find(
      (b) =>
        found.adapter.verifiedBadges.some((v) => b.includes(v)) &&
        !found.adapter.newAccountBadges.some((n) => b.includes(n)),
    );
    return verified ? { detail: `${found.adapter.name}: ${verified}` } : undefined;
  },
};

export const newMarketplaceAccount: TriageRule = {
  id: 'marketplace.new-account',
  class: 'scam',
  explanation: {
    en: "The marketplace shows the buyer's account as new or unverified.",
    zh: '平台显示该买家账号是新注册或未经验证的。',
  },
  evaluate(facts) {
    const found = facts.marketplace;
    if (!found) return undefined;
    const badges = found.fields.badges.map((b) => b.toLowerCase());
    const fresh = badges.find((b) => found.adapter.newAccountBadges.some((v) => b.includes(v)));
    return fresh ? { detail: `${found.adapter.name}: ${fresh}` } : undefined;
  },
};

export const marketplaceRules: TriageRule[] = [
  fakeMarketplaceNotice,
  verifiedMarketplaceBuyer,
  newMarketplaceAccount,
];
