import type { Address } from '@inquiry/mail';
import addressparser from 'nodemailer/lib/addressparser';
import type { InquiryEntity, MessageEntity } from '../../database/entities';

/** The triage signal that a Reply-To points away from the sender's own domain. */
export const REPLY_TO_MISMATCH_SIGNAL = 'mailbox.reply-to-mismatch';

/** Where a reply goes: the addresses the buyer asked for in Reply-To, else the sender. */
export interface ReplyRecipient {
  readonly addresses: Address[];
  readonly via: 'reply-to' | 'from';
}

export interface RecipientWarning {
  readonly code: 'reply-to-mismatch';
  readonly message: string;
  /** What triage saw, e.g. "Reply-To gmail.com, From buyer.example". */
  readonly detail: string;
}

/** RFC 5322 §3.6.2: a reply goes to the Reply-To addresses when the message has them. */
export function replyRecipient(
  message: Pick<MessageEntity, 'headers' | 'fromAddress' | 'fromName'>,
): ReplyRecipient {
  const replyTo = message.headers
    .filter((header) => header.name.toLowerCase() === 'reply-to')
    .flatMap((header) => addressparser(header.value, { flatten: true }))
    .filter((entry) => entry.address)
    .map((entry) => ({ address: entry.address.toLowerCase(), name: entry.name }));
  if (replyTo.length > 0) return { addresses: replyTo, via: 'reply-to' };
  return {
    addresses: message.fromAddress
      ? [{ address: message.fromAddress, name: message.fromName }]
      : [],
    via: 'from',
  };
}

/**
 * Replying to a Reply-To that triage found on another (often free-mail) domain is how
 * payment-redirection scams reach a seller; the rep has to confirm that address.
 */
export function recipientWarnings(
  inquiry: Pick<InquiryEntity, 'signals'> & { message: Pick<MessageEntity, 'fromAddress'> },
  recipient: ReplyRecipient,
): RecipientWarning[] {
  if (recipient.via !== 'reply-to') return [];
  const signal = inquiry.signals?.find((s) => s.id === REPLY_TO_MISMATCH_SIGNAL);
  if (!signal) return [];
  const to = recipient.addresses.map((a) => a.address).join(', ');
  return [
    {
      code: 'reply-to-mismatch',
      message: `The buyer asks for replies to ${to} instead of ${inquiry.message.fromAddress ?? 'the sender'}; triage counts this as a scam signal. Check the address with the buyer through a known channel, then confirm it to send.`,
      detail: signal.detail,
    },
  ];
}

/** The recipient addresses as one comparable string, as the rep confirms them. */
export function recipientKey(recipient: ReplyRecipient): string {
  return recipient.addresses.map((a) => a.address.toLowerCase()).join(', ');
}
