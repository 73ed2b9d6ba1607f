/** What went wrong, in terms of the product; the exception filter maps each to an HTTP status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  MailboxNotFound = 'MAILBOX_NOT_FOUND',
  InquiryNotFound = 'INQUIRY_NOT_FOUND',
  MessageNotFound = 'MESSAGE_NOT_FOUND',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  ImportSourceNotFound = 'IMPORT_SOURCE_NOT_FOUND',
  ImportSourceForbidden = 'IMPORT_SOURCE_FORBIDDEN',
  ImportSourceUnreadable = 'IMPORT_SOURCE_UNREADABLE',
  MailboxUnreachable = 'MAILBOX_UNREACHABLE',
  MailboxBusy = 'MAILBOX_BUSY',
  DraftNotFound = 'DRAFT_NOT_FOUND',
  QuoteNotFound = 'QUOTE_NOT_FOUND',
  SampleOfferNotFound = 'SAMPLE_OFFER_NOT_FOUND',
  FollowUpNotFound = 'FOLLOW_UP_NOT_FOUND',
  OutboundNotFound = 'OUTBOUND_NOT_FOUND',
  SenderProfileMissing = 'SENDER_PROFILE_MISSING',
  SamplePolicyMissing = 'SAMPLE_POLICY_MISSING',
  NoSalesReply = 'NO_SALES_REPLY',
  DraftFlagged = 'DRAFT_FLAGGED',
  DraftNotApproved = 'DRAFT_NOT_APPROVED',
  DraftAlreadySent = 'DRAFT_ALREADY_SENT',
  QuoteSuperseded = 'QUOTE_SUPERSEDED',
  QuoteExpired = 'QUOTE_EXPIRED',
  MailboxCannotSend = 'MAILBOX_CANNOT_SEND',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  TemplateNotFound = 'TEMPLATE_NOT_FOUND',
  RecipientUnconfirmed = 'RECIPIENT_UNCONFIRMED',
}

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** Facts a client can act on beyond the message, e.g. the phrases that flagged a draft. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
