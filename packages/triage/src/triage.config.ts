import type { SuspicionClass, Tier } from './triage.types';

/**
 * A marketplace whose notifications relay buyers' inquiries. Patterns are regular-expression
 * sources (case-insensitive, multiline) whose first capture group is the field's value, so a
 * deployment can describe a new platform in its JSON configuration.
 */
export interface MarketplaceAdapter {
  id: string;
  /** Platform name as it appears in mail ("Alibaba.com"); a mail using it from elsewhere is suspect. */
  name: string;
  /** Registrable domains (or subdomains) the platform sends notifications from. */
  senderDomains: string[];
  /** Domains the platform's own links point to. */
  linkDomains: string[];
  /** The notification is recognised only when one of these matches the text. */
  layout: string[];
  fields: {
    buyerName?: string;
    company?: string;
    country?: string;
    product?: string;
    quantity?: string;
    /** The buyer's own message inside the template. */
    message?: string;
    /** Verification badges, split on `·`, `|` or `,`. */
    badges?: string;
  };
  /** Badge texts that mean the platform verified the buyer. */
  verifiedBadges: string[];
  /** Badge texts that mean a fresh or unverified account. */
  newAccountBadges: string[];
}

export interface SlaConfig {
  /** IANA time zone of the sales team. */
  timeZone: string;
  /** Local opening and closing time, `HH:MM`. */
  open: string;
  close: string;
  /** Working days, 0 = Sunday. */
  workdays: number[];
  /** Local dates (`YYYY-MM-DD`) with no business. */
  holidays: string[];
  /** Reply deadline per tier: hours under 24 are business hours, 24 and above whole business days. */
  replyWithinHours: Record<Exclude<Tier, 'D'>, number>;
}

export interface TriageConfig {
  /** Our own registrable domains: their hops are skipped and their look-alikes are suspect. */
  ownDomains: string[];
  /** The exporter's country (ISO 3166 alpha-2): origin from here while claiming abroad is a spy sign. */
  ownCountry: string;
  /** Host-name suffixes or IPs of relays we trust (our MX, our filtering gateway). */
  trustedRelays: string[];
  /** Host-name suffixes of webmail and bulk-mail infrastructure that hides the client's IP. */
  providerRelays: string[];
  /** Free-mail domains of the exporter's own country, the usual mailboxes of domestic competitors. */
  domesticFreeMail: string[];
  /**
   * Words for what the exporter makes (`quartz`, `granite`): a sender who signs as a maker of
   * the same goods is a competitor.
   */
  ownProducts: string[];
  /** Domains of partners and big brands whose look-alikes are used for impersonation. */
  protectedDomains: string[];
  /** Brand names that, used in a display name from an unrelated domain, mean impersonation. */
  protectedBrands: string[];
  urlShorteners: string[];
  marketplaces: MarketplaceAdapter[];
  /** Weight of each signal id, in points; the per-class sum drives the score. */
  weights: Record<string, number>;
  scoring: {
    /** Points at which a class score reaches 63 (1 - 1/e); scores saturate towards 100. */
    scale: number;
    /**
     * Share of the genuine points subtracted from each suspicion class. Spam gets less: sellers
     * pitching to us use trade vocabulary (FOB, containers) as naturally as buyers do.
     */
    genuineDiscount: Record<SuspicionClass, number>;
    /**
     * Share of the learned model's "clean" points subtracted from every class: the model learned
     * labelled mail of every class (the shipped corpora and the team's verdicts), so its
     * confidence counts in full against any rule.
     */
    learnedCleanDiscount: number;
    /**
     * Signals about who sent the message rather than what it says. Neither discount is taken
     * from their points: a look-alike domain or a spoofed name writes as a real buyer would,
     * often in a thread it copied, so sound wording is no evidence against them.
     */
    senderEvidence: string[];
    /** Score (0-100) from which a class becomes the verdict. */
    thresholds: Record<SuspicionClass, number>;
    /** Simhash Hamming distance (of 64 bits) up to which two inquiries are near-duplicates. */
    nearDuplicateBits: number;
    /** Genuine-evidence points from which a clean inquiry is tier A (and B). */
    tierA: number;
    tierB: number;
  };
  sla: SlaConfig;
}

const alibaba: MarketplaceAdapter = {
  id: 'alibaba',
  name: 'Alibaba.com',
  senderDomains: ['alibaba.com', 'service.alibaba.com', 'notice.alibaba.com'],
  linkDomains: ['alibaba.com', 'alibaba-inc.com'],
  layout: ['new inquiry', 'inquiry from', 'message center', 'rfq'],
  fields: {
    buyerName: '^(?:buyer|from|buyer name)\\s*:\\s*([^,\\n]+)',
    company: '^(?:company|company name)\\s*:\\s*(.+)$',
    country: '^(?:country|country/region|location)\\s*:\\s*(.+)$',
    product: '^(?:product|product name|subject)\\s*:\\s*(.+)$',
    quantity: '^(?:quantity|purchase quantity)\\s*:\\s*(.+)$',
    message: '^(?:message|inquiry content|content)\\s*:\\s*([\\s\\S]+?)(?:\\n\\s*\\n|$)',
    badges: '^(?:buyer profile|buyer information|verification)\\s*:\\s*(.+)$',
  },
  verifiedBadges: ['verified', 'email confirmed', 'identity verified'],
  newAccountBadges: ['registered today', 'new buyer', 'not verified', 'unverified'],
};

const madeInChina: MarketplaceAdapter = {
  id: 'made-in-china',
  name: 'Made-in-China.com',
  senderDomains: ['made-in-china.com', 'mic-mail.com'],
  linkDomains: ['made-in-china.com'],
  layout: ['inquiry', 'made-in-china.com'],
  fields: {
    buyerName: '^(?:buyer|from)\\s*:\\s*([^,\\n]+)',
    company: '^company\\s*:\\s*(.+)$',
    country: '^(?:country|country/region)\\s*:\\s*(.+)$',
    product: '^(?:product|subject)\\s*:\\s*(.+)$',
    quantity: '^quantity\\s*:\\s*(.+)$',
    message: '^(?:message|content)\\s*:\\s*([\\s\\S]+?)(?:\\n\\s*\\n|$)',
    badges: '^(?:buyer profile|verification)\\s*:\\s*(.+)$',
  },
  verifiedBadges: ['verified', 'audited'],
  newAccountBadges: ['new buyer', 'unverified'],
};

const globalSources: MarketplaceAdapter = {
  id: 'global-sources',
  name: 'Global Sources',
  senderDomains: ['globalsources.com'],
  linkDomains: ['globalsources.com'],
  layout: ['inquiry', 'global sources'],
  fields: {
    buyerName: '^(?:buyer|from|contact)\\s*:\\s*([^,\\n]+)',
    company: '^company\\s*:\\s*(.+)$',
    country: '^(?:country|country/region)\\s*:\\s*(.+)$',
    product: '^(?:product|subject)\\s*:\\s*(.+)$',
    quantity: '^(?:quantity|order quantity)\\s*:\\s*(.+)$',
    message: '^(?:message|inquiry)\\s*:\\s*([\\s\\S]+?)(?:\\n\\s*\\n|$)',
    badges: '^(?:buyer profile|verification)\\s*:\\s*(.+)$',
  },
  verifiedBadges: ['verified buyer', 'verified'],
  newAccountBadges: ['new buyer', 'unverified'],
};

/**
 * Defaults for every deployment. Weights are points: roughly 1 = a weak hint, 2 = a clear sign,
 * 4 = close to decisive on its own. A class needs several signs to pass its threshold.
 */
export const DEFAULT_TRIAGE_CONFIG: TriageConfig = {
  ownDomains: [],
  ownCountry: 'CN',
  trustedRelays: [],
  providerRelays: [
    'google.com',
    'googlemail.com',
    'gmail.com',
    'outlook.com',
    'hotmail.com',
    'live.com',
    'protection.outlook.com',
    'office365.com',
    'yahoo.com',
    'yahoo.net',
    'yahoodns.net',
    'aol.com',
    'icloud.com',
    'me.com',
    'apple.com',
    'zoho.com',
    'gmx.net',
    'web.de',
    'mail.ru',
    'yandex.net',
    'yandex.ru',
    'qq.com',
    '163.com',
    '126.com',
    'netease.com',
    'sina.com',
    'aliyun.com',
    'sendgrid.net',
    'mailgun.org',
    'mailchimp.com',
    'mcsv.net',
    'mandrillapp.com',
    'amazonses.com',
    'sparkpostmail.com',
    'mailjet.com',
    'sendinblue.com',
    'brevo.com',
    'hubspotemail.net',
  ],
  ownProducts: [],
  domesticFreeMail: [
    'qq.com',
    'foxmail.com',
    '163.com',
    '126.com',
    'yeah.net',
    'sina.com',
    'sina.cn',
    'sohu.com',
    'aliyun.com',
    '139.com',
    '189.cn',
    'tom.com',
    '21cn.com',
  ],
  protectedDomains: [
    'paypal.com',
    'amazon.com',
    'apple.com',
    'microsoft.com',
    'google.com',
    'dhl.com',
    'fedex.com',
    'ups.com',
    'maersk.com',
    'homedepot.com',
    'lowes.com',
    'ikea.com',
    'walmart.com',
    'obi.de',
    'aramco.com',
    'alibaba.com',
    'made-in-china.com',
    'globalsources.com',
    'qq.com',
    'exmail.qq.com',
  ],
  protectedBrands: [
    'paypal',
    'amazon',
    'apple',
    'microsoft',
    'dhl',
    'fedex',
    'ups',
    'maersk',
    'home depot',
    'lowes',
    'ikea',
    'walmart',
    'obi',
    'aramco',
    'alibaba',
    'made-in-china',
    'global sources',
  ],
  urlShorteners: [
    'bit.ly',
    'tinyurl.com',
    't.co',
    'goo.gl',
    'ow.ly',
    'is.gd',
    'buff.ly',
    'rebrand.ly',
    'cutt.ly',
    'shorturl.at',
    't.ly',
    'rb.gy',
    'tiny.cc',
    'bitly.com',
    's.id',
    'u.to',
    'dwz.cn',
    'url.cn',
  ],
  marketplaces: [alibaba, madeInChina, globalSources],
  weights: {
    // Origin and time
    'origin.domestic-claims-foreign': 3,
    'origin.ip-claim-mismatch': 1,
    'origin.consistent': 1,
    'time.impossible-offset': 3.5,
    'time.offset-claim-mismatch': 1.5,
    'time.domestic-offset-claims-foreign': 2,
    'time.night-send': 0.75,
    // Headers typical of bulk mail
    'header.missing-date': 1.5,
    'header.missing-message-id': 1.5,
    'header.bulk-mailer': 2.5,
    'header.no-recipient': 1,
    'header.forged-helo': 1,
    'header.precedence-bulk': 0.5,
    'header.auth-fail': 2,
    // Mailbox
    'mailbox.free-mail': 0.5,
    'mailbox.domestic-free-mail': 1.5,
    'mailbox.disposable': 3,
    'mailbox.digits-local-part': 0.75,
    'mailbox.display-name-spoof': 2.5,
    'mailbox.reply-to-mismatch': 1.5,
    'mailbox.lookalike-domain': 4,
    // Marketplace relays
    'marketplace.fake-notice': 4.5,
    'marketplace.verified-relay': 1.5,
    'marketplace.new-account': 1,
    // Links and attachments
    'link.text-host-mismatch': 2.5,
    'link.lookalike-domain': 4,
    'link.address-in-url': 2.5,
    'link.shortener': 1,
    'link.ip-host': 2.5,
    'link.many': 0.5,
    'attachment.risky-type': 3.5,
    'attachment.double-extension': 4,
    // Spam content
    'spam.seo-pitch': 3,
    'spam.web-marketing-pitch': 3,
    'spam.directory-listing': 3,
    'spam.data-list': 3,
    'spam.freight-pitch': 3,
    'spam.supplier-pitch': 3,
    'spam.event-pitch': 3,
    'spam.offer-not-ask': 3.5,
    'spam.bulk-footer': 0.5,
    'spam.remove-list': 3,
    'spam.money-offer': 2,
    'spam.pharmacy-adult': 2.5,
    'spam.hype': 1.5,
    'spam.caps-subject': 1.5,
    'spam.html-only': 1.5,
    'spam.hidden-text': 1.5,
    'spam.fake-reply-subject': 0.5,
    'spam.generic-greeting': 0.5,
    // Scam content
    'scam.advance-fee': 3,
    'scam.overpayment': 4,
    'scam.payment-channel': 2,
    'scam.card-details': 3,
    'scam.bank-details': 2,
    'scam.identity-document': 2,
    'scam.credential-request': 3,
    'scam.domain-registration': 4.5,
    'scam.sample-harvest': 3,
    'scam.urgency': 1,
    'scam.advance-fee-419': 3.5,
    'scam.authority-tender': 2,
    // Spy content
    'spy.price-list': 1.5,
    'spy.capacity-probe': 1.5,
    'spy.customer-probe': 2,
    'spy.supplier-probe': 2,
    'spy.cost-probe': 2,
    'spy.competitor-signature': 2,
    'spy.near-duplicate': 2.5,
    'spy.domestic-language-claims-foreign': 1.5,
    // Genuine evidence
    'genuine.product-spec': 1.5,
    'genuine.quantity': 1.5,
    'genuine.incoterm': 1.5,
    'genuine.port': 1,
    'genuine.certification': 1,
    'genuine.target-price': 1,
    'genuine.payment-terms': 1,
    'genuine.paid-sample': 1,
    'genuine.company-signature': 1,
    'genuine.existing-thread': 2,
    // Token model (the shipped one unless the context brings another or null)
    'learned.spam-tokens': 3,
    'learned.scam-tokens': 3,
    'learned.spy-tokens': 3,
    'learned.clean-tokens': 4,
  },
  scoring: {
    scale: 4,
    genuineDiscount: { spam: 0.15, scam: 0.5, spy: 0.5 },
    learnedCleanDiscount: 1,
    senderEvidence: [
      'mailbox.lookalike-domain',
      'mailbox.display-name-spoof',
      'marketplace.fake-notice',
    ],
    thresholds: { spam: 60, scam: 50, spy: 50 },
    nearDuplicateBits: 8,
    tierA: 6,
    tierB: 2.5,
  },
  sla: {
    timeZone: 'Asia/Shanghai',
    open: '08:30',
    close: '18:00',
    workdays: [1, 2, 3, 4, 5],
    holidays: [],
    replyWithinHours: { A: 2, B: 24, C: 48 },
  },
};

/**
 * `derive` run once per configuration object: what rules build from a configuration (compiled
 * expressions) is built once, not for every message. A configuration is not changed once loaded.
 */
export function perConfig<T>(derive: (config: TriageConfig) => T): (config: TriageConfig) => T {
  const derived = new WeakMap<TriageConfig, { value: T }>();
  return (config) => {
    let entry = derived.get(config);
    if (!entry) {
      entry = { value: derive(config) };
      derived.set(config, entry);
    }
    return entry.value;
  };
}
