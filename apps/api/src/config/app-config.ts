import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_FOLLOW_UP_DAYS } from '@inquiry/templates';

export type DatabaseConfig =
  { type: 'sqlite'; path: string } | { type: 'mysql' | 'mariadb'; url: string };

/**
 * Everything the service reads from its environment, parsed and validated once at boot.
 * Nothing else in the service reads `process.env`.
 */
export class AppConfig {
  readonly production!: boolean;
  readonly port!: number;
  readonly database!: DatabaseConfig;
  readonly blobDir!: string;
  /** 32-byte key for passwords at rest; undefined means "use or create the key file". */
  readonly secretKey?: Buffer;
  readonly secretKeyFile!: string;
  readonly imapPollSeconds!: number;
  readonly imapLeaseSeconds!: number;
  readonly syncFolders!: string[];
  readonly syncWorker!: boolean;
  readonly workerId!: string;
  readonly demoInbox!: boolean;
  readonly demoDir!: string;
  /** Server-side imports (`POST /imports` with a path) may only read below this directory. */
  readonly importRoot!: string;
  readonly triageConfigFile?: string;
  /** Days of earlier inquiries a new one is compared with for near-duplicates. */
  readonly triageHistoryDays!: number;
  /** Labelled inquiries needed before a token model is trained from the team's verdicts. */
  readonly triageMinLabels!: number;
  /** JSON files per locale with the company's template texts, over the shipped ones. */
  readonly templatesDir?: string;
  /** JSON file with the office's time zone, weekend days and holidays. */
  readonly businessCalendarFile?: string;
  /** Days after a quote is sent at which to chase it, unless the quote says otherwise. */
  readonly followUpDays!: number[];

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_DEMO_DIR = join(__dirname, '..', '..', 'demo');

/** Parses `env`, collecting every problem before failing so one boot shows them all. */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, got '${raw}'`);
      return fallback;
    }
    return value;
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['on', 'true', '1', 'yes'].includes(raw)) return true;
    if (['off', 'false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}: expected on/off (or true/false), got '${raw}'`);
    return fallback;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV: expected production, development or test, got '${nodeEnv}'`);
  }
  const production = nodeEnv === 'production';

  const database = parseDatabaseUrl(read('DB_URL') ?? 'sqlite:./data/inquiry.sqlite', problems);

  const secretKey = parseSecretKey(read('SECRET_KEY'), problems);
  if (!secretKey && production && database?.type !== 'sqlite') {
    problems.push(
      'SECRET_KEY: required in production with MySQL/MariaDB (32 bytes, as 64 hex characters or base64); ' +
        "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"",
    );
  }

  const syncFolders = (read('SYNC_FOLDERS') ?? 'INBOX')
    .split(',')
    .map((folder) => folder.trim())
    .filter((folder) => folder !== '');
  if (syncFolders.length === 0)
    problems.push('SYNC_FOLDERS: expected a comma-separated list of IMAP folders');

  const config = new AppConfig({
    production,
    port: integer('PORT', 3000, 0, 65535),
    database: database ?? { type: 'sqlite', path: resolve('data/inquiry.sqlite') },
    blobDir: resolve(read('BLOB_DIR') ?? './data/blobs'),
    secretKey,
    secretKeyFile: resolve(read('SECRET_KEY_FILE') ?? './data/secret.key'),
    imapPollSeconds: integer('IMAP_POLL_SECONDS', 60, 1, 86_400),
    imapLeaseSeconds: integer('IMAP_LEASE_SECONDS', 120, 10, 86_400),
    syncFolders,
    syncWorker: flag('SYNC_WORKER', true),
    workerId: read('WORKER_ID') ?? `${hostname()}:${process.pid}`,
    demoInbox: flag('DEMO_INBOX', true),
    demoDir: resolve(read('DEMO_DIR') ?? DEFAULT_DEMO_DIR),
    importRoot: resolve(read('IMPORT_ROOT') ?? '.'),
    triageConfigFile:
      read('TRIAGE_CONFIG') === undefined ? undefined : resolve(read('TRIAGE_CONFIG')!),
    triageHistoryDays: integer('TRIAGE_HISTORY_DAYS', 7, 1, 90),
    triageMinLabels: integer('TRIAGE_MIN_LABELS', 50, 2, 1_000_000),
    templatesDir: read('TEMPLATES_DIR') === undefined ? undefined : resolve(read('TEMPLATES_DIR')!),
    followUpDays: parseFollowUpDays(read('FOLLOW_UP_DAYS'), problems),
    businessCalendarFile:
      read('BUSINESS_CALENDAR') === undefined ? undefined : resolve(read('BUSINESS_CALENDAR')!),
  });

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig | undefined {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') {
      problems.push(`DB_URL: 'sqlite:' needs a file path, e.g. sqlite:./data/inquiry.sqlite`);
      return undefined;
    }
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(
      `DB_URL: not a URL; expected sqlite:PATH, mysql://user:pass@host:port/db or mariadb://...`,
    );
    return undefined;
  }
  const type = url.protocol.slice(0, -1);
  if (type !== 'mysql' && type !== 'mariadb') {
    problems.push(
      `DB_URL: unsupported scheme '${url.protocol}'; expected sqlite:, mysql: or mariadb:`,
    );
    return undefined;
  }
  if (url.pathname.length <= 1) {
    problems.push(
      'DB_URL: missing database name after the host, e.g. mysql://user:pass@localhost:3306/inquiry',
    );
    return undefined;
  }
  return { type, url: raw };
}

function parseFollowUpDays(raw: string | undefined, problems: string[]): number[] {
  if (raw === undefined) return [...DEFAULT_FOLLOW_UP_DAYS];
  const days = raw.split(',').map((part) => part.trim());
  const valid =
    days.length <= 6 &&
    days.every(
      (day, index) =>
        /^\d+$/.test(day) &&
        Number(day) >= 1 &&
        (index === 0 || Number(day) > Number(days[index - 1])),
    );
  if (!valid) {
    problems.push(
      `FOLLOW_UP_DAYS: expected up to 6 increasing whole numbers of days, e.g. 3,7,14, got '${raw}'`,
    );
    return [...DEFAULT_FOLLOW_UP_DAYS];
  }
  return days.map(Number);
}

function parseSecretKey(raw: string | undefined, problems: string[]): Buffer | undefined {
  if (raw === undefined) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    problems.push(
      `SECRET_KEY: expected 32 bytes as 64 hex characters or base64, got ${key.length} bytes`,
    );
    return undefined;
  }
  return key;
}
