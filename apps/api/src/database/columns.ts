import type { ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Column shapes that mean the same on MySQL/MariaDB and SQLite, so one set of entities serves
 * both dialects and the schema check finds no difference between them and the migrations.
 */

/** Up to 16 MB on MySQL; SQLite has no TEXT limit (the DataSource factory allows the name). */
export const LARGE_TEXT = 'mediumtext' as const;

const json: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? value : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value),
};

/**
 * JSON kept as text rather than a native JSON column: MariaDB reports JSON as LONGTEXT and
 * SQLite has no JSON type, while text behaves identically everywhere.
 */
export function jsonColumn(options: Pick<ColumnOptions, 'name' | 'nullable'> = {}): ColumnOptions {
  return { type: LARGE_TEXT, transformer: json, ...options };
}

/** mysql2 returns BIGINT as a string; IMAP UIDs and UIDVALIDITY (32-bit unsigned) fit a number. */
const bigintAsNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

export function uint32Column(
  options: Pick<ColumnOptions, 'name' | 'nullable'> = {},
): ColumnOptions {
  return { type: 'bigint', transformer: bigintAsNumber, ...options };
}

/** DATETIME without fractional seconds: the one precision both dialects store and report alike. */
export function dateColumn(options: Pick<ColumnOptions, 'name' | 'nullable'> = {}): ColumnOptions {
  return { type: 'datetime', ...options };
}
