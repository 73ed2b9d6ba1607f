import { statSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { AppConfig, DatabaseConfig } from '@inquiry/api';

/** The database as the user may see it: a MySQL URL without its user and password. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.type === 'sqlite') return `sqlite:${database.path}`;
  const url = new URL(database.url);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

const SYSTEM_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'is a folder',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  PROTOCOL_CONNECTION_LOST: 'the server closed the connection',
};

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
]);

const SYSCALL_VERBS: Record<string, string> = {
  mkdir: 'create the folder',
  open: 'open',
  read: 'read',
  write: 'write',
  rename: 'write',
  unlink: 'remove',
  scandir: 'list',
  stat: 'look at',
  lstat: 'look at',
  access: 'access',
};

interface DriverError {
  code?: string;
  syscall?: string;
  path?: string;
  message: string;
}

/** The error that says what happened: TypeORM wraps the driver's, Node wraps causes. */
function rootCause(error: unknown): DriverError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const candidate = current as Error & DriverError & { driverError?: unknown };
    if (typeof candidate.code === 'string') return candidate;
    current = candidate.driverError ?? candidate.cause;
  }
  return undefined;
}

function sqliteProblem(code: string): string | undefined {
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'))
    return 'locked by another process for too long (a running import or the service); try again';
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_'))
    return 'cannot open (check that its folder exists and may be written)';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return 'cannot write (read-only: check the permissions of the file and of its folder)';
  if (code === 'SQLITE_FULL') return 'cannot write (no space left on device)';
  if (code === 'SQLITE_NOTADB') return 'is not a SQLite database';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) return 'the file is damaged';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_'))
    return `input/output error (${code})`;
  return undefined;
}

const MYSQL_PROBLEMS: Record<string, string> = {
  ER_ACCESS_DENIED_ERROR: 'access denied for the user and password in DB_URL',
  ER_DBACCESS_DENIED_ERROR: 'the user in DB_URL may not use this database',
  ER_BAD_DB_ERROR: 'no such database on the server (create it first)',
  ER_CON_COUNT_ERROR: 'the server has too many connections; try again',
};

function inside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Which setting a file path belongs to, for the message, and the setting's own path. */
function subjectOf(path: string, config: AppConfig): { subject: string; named: string } {
  if (inside(path, config.blobDir))
    return { subject: `blob folder ${config.blobDir} (BLOB_DIR)`, named: config.blobDir };
  if (path === config.secretKeyFile || path === dirname(config.secretKeyFile)) {
    const subject = `secret key file ${config.secretKeyFile} (SECRET_KEY_FILE)`;
    return { subject, named: config.secretKeyFile };
  }
  const { database } = config;
  if (database.type === 'sqlite' && (path === database.path || path === dirname(database.path)))
    return { subject: `database ${describeDatabase(database)}`, named: database.path };
  return { subject: path, named: path };
}

/**
 * One line for an error of the environment a command runs in (database, folders, files), or
 * undefined for anything else. It names the setting or file and the problem, never a password.
 */
export function explainEnvironmentError(error: unknown, config: AppConfig): string | undefined {
  const cause = rootCause(error);
  const code = cause?.code;
  if (!cause || !code) return undefined;
  const database = describeDatabase(config.database);
  if (code.startsWith('SQLITE_')) {
    const problem = sqliteProblem(code);
    return problem && `database ${database}: ${problem}`;
  }
  const mysqlProblem = MYSQL_PROBLEMS[code];
  if (mysqlProblem) return `database ${database}: ${mysqlProblem}`;
  const reason = SYSTEM_ERRORS[code];
  if (!reason) return undefined;
  if (NETWORK_ERRORS.has(code)) return `cannot reach the database at ${database} (${reason})`;
  if (!cause.path) {
    const misplaced = misplacedPath(config);
    return (
      misplaced ??
      `a file or folder the service uses (DB_URL, BLOB_DIR, SECRET_KEY_FILE): ${reason}`
    );
  }
  const { subject, named } = subjectOf(cause.path, config);
  const verb = SYSCALL_VERBS[cause.syscall ?? ''] ?? 'use';
  const what = named === cause.path ? '' : ` ${cause.path}`;
  // mkdir -p reports a file where a folder should be as "already exists".
  const problem = code === 'EEXIST' && cause.syscall === 'mkdir' ? 'a file is in the way' : reason;
  return `${subject}: cannot ${verb}${what} (${problem})`;
}

function kind(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * Node leaves the path out of some errors (reading through a file handle); the usual cause is
 * a setting naming a folder where a file belongs or the other way round.
 */
function misplacedPath(config: AppConfig): string | undefined {
  if (kind(config.secretKeyFile) === 'folder')
    return `secret key file ${config.secretKeyFile} (SECRET_KEY_FILE): is a folder, not a file`;
  const { database } = config;
  if (database.type === 'sqlite' && kind(database.path) === 'folder')
    return `database ${describeDatabase(database)}: is a folder, not a file`;
  if (kind(config.blobDir) === 'file')
    return `blob folder ${config.blobDir} (BLOB_DIR): is a file, not a folder`;
  return undefined;
}
