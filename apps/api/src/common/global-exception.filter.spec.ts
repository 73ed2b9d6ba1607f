import { type ArgumentsHost, Logger, PayloadTooLargeException } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-error';
import { type ErrorBody, GlobalExceptionFilter } from './global-exception.filter';

function respond(exception: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  const sent = {
    status: 0,
    body: undefined as unknown as ErrorBody,
    headers: {} as Record<string, string>,
  };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: ErrorBody) => (sent.body = body),
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', path: '/api/inquiries' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new GlobalExceptionFilter().catch(exception, host);
  return sent;
}

describe('GlobalExceptionFilter', () => {
  it('answers a validation error with 400, the fields and the reasons', () => {
    const { status, body } = respond(
      new DomainError(ErrorCode.ValidationFailed, 'limit must not be greater than 100', [
        { field: 'limit', reason: 'limit must not be greater than 100' },
      ]),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'limit must not be greater than 100',
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'limit', reason: 'limit must not be greater than 100' }],
    });
  });

  it('maps each domain code to its status', () => {
    expect(
      respond(new DomainError(ErrorCode.InquiryNotFound, 'inquiry 9 does not exist')).status,
    ).toBe(404);
    expect(respond(new DomainError(ErrorCode.MailboxBusy, 'busy')).status).toBe(409);
    const unauthenticated = respond(new DomainError(ErrorCode.Unauthenticated, 'no token'));
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['WWW-Authenticate']).toBe('Bearer');
  });

  it('passes on the details a client acts on, such as the phrases that flagged a draft', () => {
    const flags = [{ phrase: 'impossible', category: 'refusal' }];
    const { status, body } = respond(
      new DomainError(ErrorCode.DraftFlagged, 'draft 4 contains 1 forbidden phrase(s)', [], flags),
    );
    expect(status).toBe(409);
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'draft 4 contains 1 forbidden phrase(s)',
      code: 'DRAFT_FLAGGED',
      details: flags,
    });
    expect(respond(new DomainError(ErrorCode.IdempotencyKeyReused, 'key used')).status).toBe(422);
  });

  it("keeps the framework's own HTTP errors", () => {
    const { status, body } = respond(new PayloadTooLargeException('File too large'));
    expect(status).toBe(413);
    expect(body.message).toBe('File too large');
  });

  it('hides an unexpected error behind a request id that the log also carries', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    try {
      const { status, body } = respond(
        new Error('connect ECONNREFUSED 10.0.0.5:3306 password=hunter2'),
      );
      expect(status).toBe(500);
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
      expect(logged.join('\n')).toContain(body.requestId);
      expect(logged.join('\n')).toContain('ECONNREFUSED');
    } finally {
      spy.mockRestore();
    }
  });
});
