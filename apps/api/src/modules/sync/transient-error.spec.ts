import { QueryFailedError } from 'typeorm';
import { describeError, isTransientError } from './transient-error';

const withCode = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...extra });

describe('isTransientError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a lost MySQL connection', withCode('PROTOCOL_CONNECTION_LOST', { fatal: true })],
    ['a server shutting down', withCode('ER_SERVER_SHUTDOWN')],
    [
      'a deadlock wrapped by TypeORM',
      new QueryFailedError('INSERT', [], withCode('ER_LOCK_DEADLOCK')),
    ],
    ['a full disk behind a cause', new Error('blob write failed', { cause: withCode('ENOSPC') })],
    ['any fatal driver error', Object.assign(new Error('closed'), { fatal: true })],
  ])('is true for %s', (_what, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    [
      'a programming error',
      new TypeError("Cannot read properties of undefined (reading 'address')"),
    ],
    [
      'a value the column rejects',
      new QueryFailedError('INSERT', [], withCode('ER_DATA_TOO_LONG')),
    ],
    ['a thrown string', 'bad message'],
    [
      'an error whose cause points back at itself',
      (() => {
        const error: Error & { cause?: unknown } = new Error('loop');
        error.cause = error;
        return error;
      })(),
    ],
  ])('is false for %s', (_what, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe('describeError', () => {
  it('names the error class and message', () => {
    expect(describeError(new RangeError('Invalid time value'))).toBe(
      'RangeError: Invalid time value',
    );
    expect(describeError('plain')).toBe('plain');
  });
});
