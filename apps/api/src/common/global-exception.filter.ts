import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, type FieldProblem } from './domain-error';

const STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.MailboxNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.InquiryNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.MessageNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.AttachmentNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ImportSourceNotFound]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ImportSourceForbidden]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ImportSourceUnreadable]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MailboxUnreachable]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.MailboxBusy]: HttpStatus.CONFLICT,
  [ErrorCode.DraftNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.QuoteNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.SampleOfferNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.FollowUpNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.OutboundNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.SenderProfileMissing]: HttpStatus.CONFLICT,
  [ErrorCode.SamplePolicyMissing]: HttpStatus.CONFLICT,
  [ErrorCode.NoSalesReply]: HttpStatus.CONFLICT,
  [ErrorCode.DraftFlagged]: HttpStatus.CONFLICT,
  [ErrorCode.DraftNotApproved]: HttpStatus.CONFLICT,
  [ErrorCode.DraftAlreadySent]: HttpStatus.CONFLICT,
  [ErrorCode.QuoteSuperseded]: HttpStatus.CONFLICT,
  [ErrorCode.QuoteExpired]: HttpStatus.CONFLICT,
  [ErrorCode.MailboxCannotSend]: HttpStatus.CONFLICT,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.TemplateNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.RecipientUnconfirmed]: HttpStatus.CONFLICT,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: ErrorCode;
  fields?: FieldProblem[];
  details?: unknown;
  requestId?: string;
}

/**
 * The single translation from errors to HTTP. Domain errors keep their message; framework
 * HTTP errors (unknown route, payload too large) keep theirs; anything else is a bug, so the
 * client gets only a request id and the log gets the details under the same id.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request);
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (isUnparsableBody(exception)) {
      const reason = `body must be valid JSON (${exception.cause.message})`;
      return this.toBody(
        new DomainError(ErrorCode.ValidationFailed, reason, [{ field: 'body', reason }]),
        request,
      );
    }
    if (exception instanceof DomainError) {
      const statusCode = STATUS[exception.code];
      return {
        statusCode,
        error: statusText(statusCode),
        message: exception.message,
        code: exception.code,
        ...(exception.fields.length > 0 || exception.code === ErrorCode.ValidationFailed
          ? { fields: exception.fields }
          : {}),
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? [payload.message].flat().join('; ')
          : exception.message;
      return { statusCode, error: statusText(statusCode), message };
    }
    const requestId = randomUUID();
    const detail =
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
    this.logger.error(`request ${requestId} ${request.method} ${request.path} failed: ${detail}`);
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: statusText(HttpStatus.INTERNAL_SERVER_ERROR),
      message: `Internal error; quote request id ${requestId} when reporting it`,
      requestId,
    };
  }
}

/**
 * The body parser's refusal of malformed JSON, which reaches the filter as a plain 400 before
 * validation (and authentication) runs; answered like any other bad field.
 */
function isUnparsableBody(exception: unknown): exception is HttpException & { cause: SyntaxError } {
  return (
    exception instanceof HttpException &&
    exception.cause instanceof SyntaxError &&
    (exception.cause as SyntaxError & { type?: unknown }).type === 'entity.parse.failed'
  );
}

function statusText(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
