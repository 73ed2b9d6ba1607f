import { hostMatches, isIpLiteral, registrableDomain } from '../analysis/domains';
import { firstImitation, protectedSites } from '../analysis/lookalike';
import type { RuleHit, TriageRule } from './rule';

const SUBSCRIPTION = /unsubscribe|subscription|opt-?out|remove|newsletter|preferences|退订|订阅/i;
const LOGIN_WORDS = /log ?in|sign ?in|signin|verify|password|webmail|mailbox|登录|邮箱|验证/i;

/** Visible link text that names a place: a URL or domain, or a service people log in to. */
const DOMAIN_IN_TEXT = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]|\s|$)/i;

export const linkTextHostMismatch: TriageRule = {
  id: 'link.text-host-mismatch',
  class: 'scam',
  explanation: {
    en: 'A link shows one web address but leads to a different site, a classic phishing trick.',
    zh: '链接显示的是一个网址，点击后却跳转到另一个网站，这是典型的钓鱼手法。',
  },
  evaluate(facts) {
    let weak: RuleHit | undefined;
    let targets: string[] | undefined;
    for (const link of facts.message.links) {
      if (!link.text || !link.host) continue;
      const shown = DOMAIN_IN_TEXT.exec(link.text.trim())?.[1]?.toLowerCase();
      if (!shown || /\.(png|jpe?g|gif|pdf|html?)$/.test(shown)) continue;
      if (registrableDomain(shown) === registrableDomain(link.host)) continue;
      if (hostMatches(link.host, facts.config.providerRelays)) continue;
      const detail = `text "${link.text.trim().slice(0, 60)}" -> ${link.host}`;
      // Newsletters route links through click trackers; a shown brand or login host is what phishing fakes.
      if (
        hostMatches(shown, (targets ??= protectedSites(facts.config))) ||
        LOGIN_WORDS.test(link.text)
      )
        return { detail };
      weak ??= { detail, strength: 0.4 };
    }
    return weak;
  },
};

export const addressInUrl: TriageRule = {
  id: 'link.address-in-url',
  class: 'scam',
  explanation: {
    en: 'A link carries our own e-mail address, so the page it opens is pre-filled for a login phishing attempt.',
    zh: '链接中带有我方邮箱地址，打开后的页面会预先填好账号，用于骗取登录密码。',
  },
  evaluate(facts) {
    const ours = [...facts.message.to, ...facts.message.cc]
      .map((a) => a.address)
      .filter((a) => a.includes('@'));
    const carrying: Array<{ address: string; url: string; text: string; host: string }> = [];
    for (const link of facts.message.links) {
      let url = link.url.toLowerCase();
      try {
        url = decodeURIComponent(url);
      } catch {
        // a malformed escape leaves the URL as written, which is still worth searching
      }
      const address = ours.find((a) => url.includes(a));
      if (address) carrying.push({ address, url, text: link.text, host: link.host ?? '' });
    }
    // A newsletter personalises its "manage my subscription" links (login pages included) with
    // the reader's address; once one such link says so, the others are the same mechanism.
    if (carrying.some((l) => SUBSCRIPTION.test(l.url) || SUBSCRIPTION.test(l.text)))
      return undefined;
    const hit = carrying.find((l) => LOGIN_WORDS.test(l.url) || LOGIN_WORDS.test(l.text));
    return hit ? { detail: `${hit.address} in ${hit.host}` } : undefined;
  },
};

export const urlShortener: TriageRule = {
  id: 'link.shortener',
  class: 'scam',
  explanation: {
    en: 'A link uses a URL shortener that hides where it really leads.',
    zh: '链接使用了短网址服务，隐藏了真实的目标地址。',
  },
  evaluate(facts) {
    const link = facts.message.links.find((l) => hostMatches(l.host, facts.config.urlShorteners));
    return link ? { detail: link.url.slice(0, 80) } : undefined;
  },
};

export const ipHostLink: TriageRule = {
  id: 'link.ip-host',
  class: 'scam',
  explanation: {
    en: 'A link points to a bare IP address instead of a named website.',
    zh: '链接直接指向 IP 地址而不是正规网站域名。',
  },
  evaluate(facts) {
    const link = facts.message.links.find((l) => l.host && isIpLiteral(l.host));
    return link ? { detail: link.url.slice(0, 80) } : undefined;
  },
};

export const manyLinks: TriageRule = {
  id: 'link.many',
  class: 'spam',
  explanation: {
    en: 'The message is mostly links with little text, like a mass mailing.',
    zh: '邮件以大量链接为主、正文很少，类似群发广告。',
  },
  evaluate(facts) {
    if (facts.marketplace) return undefined;
    const hosts = new Set(facts.message.links.map((l) => l.host).filter(Boolean));
    const words = facts.body.split(/\s+/).length;
    const links = facts.message.links.length;
    return links >= 8 && words / links < 40
      ? { detail: `${links} links to ${hosts.size} hosts, ${words} words` }
      : undefined;
  },
};

/** Links looked at for look-alike sites: the first ones, where a phishing mail puts its own. */
const LOOKALIKE_LINKS = 30;

export const linkLookalikeDomain: TriageRule = {
  id: 'link.lookalike-domain',
  class: 'scam',
  explanation: {
    en: "A link leads to a site whose domain imitates our own, a marketplace's or a well-known brand's by a small change in spelling.",
    zh: '链接指向的网站域名通过细微拼写差异仿冒我方、平台或知名品牌的域名。',
  },
  evaluate(facts) {
    const hosts = facts.message.links
      .slice(0, LOOKALIKE_LINKS)
      .flatMap((link) => (link.host ? [registrableDomain(link.host)] : []));
    const found = firstImitation(new Set(hosts), facts.config);
    return found && { detail: `${found.site} imitates ${found.imitated}` };
  },
};

export const linkRules: TriageRule[] = [
  linkTextHostMismatch,
  linkLookalikeDomain,
  addressInUrl,
  urlShortener,
  ipHostLink,
  manyLinks,
];
