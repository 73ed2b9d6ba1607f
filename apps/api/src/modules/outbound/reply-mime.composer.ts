import MailComposer from 'nodemailer/lib/mail-composer';

export interface QuotedOriginal {
  fromName: string;
  fromAddress: string;
  sentAt: Date;
  text: string;
}

export interface ReplyMail {
  from: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  subject: string;
  text: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Our Message-ID, without angle brackets. */
  messageId: string;
  /** The buyer message answered: its Message-ID and References, without angle brackets. */
  inReplyTo: string | null;
  references: string[];
  original: QuotedOriginal;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
  date: Date;
}

/** References longer than this are trimmed from the middle, keeping the thread's root. */
const MAX_REFERENCES = 20;

/**
 * The reply as RFC 822 bytes, built once: these exact bytes go to SMTP, to the Sent folder
 * and into the store. The original is quoted below the reply, attributed in a form that
 * reads the same in every language (date, name and address).
 */
export function composeReply(mail: ReplyMail): Promise<Buffer> {
  const references = trimReferences([
    ...mail.references,
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
  ]);
  const attribution = `${new Intl.DateTimeFormat(mail.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(mail.original.sentAt)} UTC, ${mail.original.fromName} <${mail.original.fromAddress}>:`;
  const quoted = mail.original.text
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
  const text = `${mail.text}\n\n${attribution}\n${quoted}\n`;
  const html = [
    `<div lang="${escapeHtml(mail.locale)}" dir="${mail.dir}">`,
    ...mail.text.split(/\n{2,}/).map((paragraph) => `<p>${lines(paragraph)}</p>`),
    '</div>',
    `<div dir="ltr"><p>${escapeHtml(attribution)}</p>`,
    `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${lines(mail.original.text.trimEnd())}</blockquote></div>`,
  ].join('\n');
  return new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    messageId: `<${mail.messageId}>`,
    ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
    ...(references.length > 0 ? { references: references.map((id) => `<${id}>`) } : {}),
    date: mail.date,
    text,
    html,
    attachments: mail.attachments,
    headers: { 'Content-Language': mail.locale },
    newline: 'win',
  })
    .compile()
    .build();
}

function trimReferences(ids: string[]): string[] {
  const unique = [...new Set(ids.filter((id) => id.trim() !== ''))];
  if (unique.length <= MAX_REFERENCES) return unique;
  return [unique[0]!, ...unique.slice(unique.length - (MAX_REFERENCES - 1))];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function lines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}
