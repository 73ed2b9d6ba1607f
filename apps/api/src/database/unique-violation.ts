import { QueryFailedError } from 'typeorm';

/**
 * True when an insert lost a race against a unique index: another worker stored the same
 * row first, which for idempotent ingestion means "already done", not a failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number } | undefined;
  return (
    driverError?.code === 'ER_DUP_ENTRY' ||
    driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** MySQL/MariaDB chose this transaction as a deadlock victim; running it again is safe. */
export function isDeadlock(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string } | undefined;
  return driverError?.code === 'ER_LOCK_DEADLOCK' || driverError?.code === 'ER_LOCK_WAIT_TIMEOUT';
}
