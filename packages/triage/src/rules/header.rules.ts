import type { TriageRule } from './rule';

const BULK_MAILERS =
  /(group ?mail|mass ?mail|bulk|mailking|worldmerge|aureate|send-?safe|floodgate|extractor|e-?mail ?marketing|dynamic ?mail|avalanche|stealth|sendblaster|atomic ?mail|mailloop|massmailer|emailer|campaign|newsletter|blaster|express ?mail)/i;
const SCRIPT_MAILERS = /(phpmailer|php\/|mime-tools|perl|python)/i;

export const missingDate: TriageRule = {
  id: 'header.missing-date',
  class: 'spam',
  explanation: {
    en: 'The message has no valid Date header, which normal mail programs always add.',
    zh: '邮件缺少有效的 Date 头，正常邮件客户端都会自动添加。',
  },
  evaluate(facts) {
    return facts.message.date ? undefined : { detail: facts.message.dateRaw ?? 'no Date header' };
  },
};

export const missingMessageId: TriageRule = {
  id: 'header.missing-message-id',
  class: 'spam',
  explanation: {
    en: 'The message has no Message-ID, which normal mail programs always add.',
    zh: '邮件缺少 Message-ID，正常邮件客户端都会自动添加。',
  },
  evaluate(facts) {
    const id = facts.message.messageId;
    return id && /@/.test(id)
      ? undefined
      : { detail: id ? `malformed: ${id}` : 'no Message-ID header' };
  },
};

export const bulkMailer: TriageRule = {
  id: 'header.bulk-mailer',
  class: 'spam',
  explanation: {
    en: 'The message was sent with bulk-mailing or scripted mailing software, not a personal mail program.',
    zh: '邮件由群发软件或脚本程序发出，而不是个人邮件客户端。',
  },
  evaluate(facts) {
    const mailer = facts.header('x-mailer') ?? facts.header('user-agent') ?? '';
    if (BULK_MAILERS.test(mailer)) return { detail: mailer };
    if (SCRIPT_MAILERS.test(mailer)) return { detail: mailer, strength: 0.4 };
    return undefined;
  },
};

export const noRecipient: TriageRule = {
  id: 'header.no-recipient',
  class: 'spam',
  explanation: {
    en: 'We are not named as a recipient: the message went to a hidden list.',
    zh: '收件人中没有我方地址，邮件是通过密送名单群发的。',
  },
  evaluate(facts) {
    const { message } = facts;
    const to = message.headers.find((h) => h.name === 'to')?.value ?? '';
    if (message.to.length === 0 && message.cc.length === 0) return { detail: to || 'no To header' };
    if (/undisclosed|recipient list suppressed|^:;$/i.test(to)) return { detail: to };
    return undefined;
  },
};

export const precedenceBulk: TriageRule = {
  id: 'header.precedence-bulk',
  class: 'spam',
  explanation: {
    en: 'The message is marked as bulk mail or offers an unsubscribe link without being from a mailing list we joined.',
    zh: '邮件标记为群发或带退订链接，但并非来自我方订阅的邮件列表。',
  },
  evaluate(facts) {
    if (facts.marketplace || facts.header('list-id')) return undefined;
    const precedence = facts.header('precedence') ?? '';
    if (/bulk|junk/i.test(precedence)) return { detail: `Precedence: ${precedence}` };
    const unsubscribe = facts.header('list-unsubscribe');
    return unsubscribe ? { detail: `List-Unsubscribe: ${unsubscribe.slice(0, 80)}` } : undefined;
  },
};

export const authenticationFailed: TriageRule = {
  id: 'header.auth-fail',
  class: 'scam',
  explanation: {
    en: "Our mail server could not confirm that the message really comes from the sender's domain (SPF, DKIM or DMARC failed).",
    zh: '我方邮件服务器无法确认邮件确实来自发件人域名（SPF、DKIM 或 DMARC 验证失败）。',
  },
  evaluate(facts) {
    const failed = facts.authResults.match(/\b(spf|dkim|dmarc)=(fail|softfail|permerror)/g);
    return failed ? { detail: [...new Set(failed)].join(', ') } : undefined;
  },
};

export const headerRules: TriageRule[] = [
  missingDate,
  missingMessageId,
  bulkMailer,
  noRecipient,
  precedenceBulk,
  authenticationFailed,
];
