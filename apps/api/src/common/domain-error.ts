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
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
