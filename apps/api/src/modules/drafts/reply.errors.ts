import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import {
  IncotermError,
  MoneyError,
  QuoteValidationError,
  SamplePolicyError,
  TemplateNotFoundError,
  TemplateVariableError,
} from '@inquiry/templates';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '../../common/domain-error';

/** What can go wrong while answering an inquiry, in the product's terms. */
export enum ReplyErrorCode {
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
}

const STATUS: Record<ReplyErrorCode, HttpStatus> = {
  [ReplyErrorCode.DraftNotFound]: HttpStatus.NOT_FOUND,
  [ReplyErrorCode.QuoteNotFound]: HttpStatus.NOT_FOUND,
  [ReplyErrorCode.SampleOfferNotFound]: HttpStatus.NOT_FOUND,
  [ReplyErrorCode.FollowUpNotFound]: HttpStatus.NOT_FOUND,
  [ReplyErrorCode.OutboundNotFound]: HttpStatus.NOT_FOUND,
  [ReplyErrorCode.SenderProfileMissing]: HttpStatus.CONFLICT,
  [ReplyErrorCode.SamplePolicyMissing]: HttpStatus.CONFLICT,
  [ReplyErrorCode.NoSalesReply]: HttpStatus.CONFLICT,
  [ReplyErrorCode.DraftFlagged]: HttpStatus.CONFLICT,
  [ReplyErrorCode.DraftNotApproved]: HttpStatus.CONFLICT,
  [ReplyErrorCode.DraftAlreadySent]: HttpStatus.CONFLICT,
  [ReplyErrorCode.QuoteSuperseded]: HttpStatus.CONFLICT,
  [ReplyErrorCode.QuoteExpired]: HttpStatus.CONFLICT,
  [ReplyErrorCode.MailboxCannotSend]: HttpStatus.CONFLICT,
  [ReplyErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export class ReplyError extends Error {
  constructor(
    readonly code: ReplyErrorCode,
    message: string,
    /** Extra facts a client can act on, e.g. the flagged phrases. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ReplyError';
  }
}

/**
 * Maps reply errors to HTTP for the answering controllers. The service-wide ErrorCode enum
 * belongs to the core module; these codes stay with the feature that raises them.
 */
@Catch(ReplyError)
export class ReplyErrorFilter implements ExceptionFilter {
  catch(error: ReplyError, host: ArgumentsHost): void {
    const statusCode = STATUS[error.code];
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(statusCode)
      .json({
        statusCode,
        error: statusText(statusCode),
        message: error.message,
        code: error.code,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
  }
}

/** "Not Found" for 404, as the service-wide filter writes it. */
function statusText(status: HttpStatus): string {
  return HttpStatus[status]
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The templates package reports bad input with its own errors; to a client they are a 400
 * naming the field, like any validation failure. `prefix` places the field in the request body.
 */
export function asValidationError(error: unknown, prefix = ''): unknown {
  const field = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  const fail = (name: string, reason: string): DomainError =>
    new DomainError(ErrorCode.ValidationFailed, `${name}: ${reason}`, [{ field: name, reason }]);
  if (error instanceof QuoteValidationError) return fail(field(error.field), error.reason);
  if (error instanceof TemplateVariableError) {
    return fail(field(`variables.${error.variable}`), error.reason);
  }
  if (error instanceof TemplateNotFoundError) return fail(field('templateId'), error.message);
  if (error instanceof IncotermError) return fail(field('incoterm'), error.message);
  if (error instanceof SamplePolicyError || error instanceof MoneyError) {
    return fail(field('items'), error.message);
  }
  return error;
}
