import 'reflect-metadata';
import { checkMysqlMigrations, checkSqliteMigrations } from './schema-drift';

/**
 * `npm run migration:check`: fails when the entities and the migrations of either dialect
 * disagree. A developer tool, not the service, so it reads its two variables directly:
 * TEST_DB_URL (a MySQL/MariaDB server to check against) and CI (MySQL is mandatory there).
 */
async function main(): Promise<number> {
  let failed = false;
  const report = (dialect: string, pending: string[]): void => {
    if (pending.length === 0) {
      process.stdout.write(`${dialect}: migrations match the entities\n`);
      return;
    }
    failed = true;
    process.stderr.write(`${dialect}: entities and migrations differ; a new migration needs:\n`);
    for (const query of pending) process.stderr.write(`  ${query};\n`);
  };

  report('sqlite', await checkSqliteMigrations());

  const serverUrl = process.env.TEST_DB_URL;
  if (serverUrl) {
    report('mysql', await checkMysqlMigrations(serverUrl));
  } else if (process.env.CI === 'true') {
    process.stderr.write(
      'mysql: TEST_DB_URL is not set; in CI the MySQL check may not be skipped\n',
    );
    failed = true;
  } else {
    process.stdout.write(
      'mysql: skipped (set TEST_DB_URL=mysql://user:pass@host:port/db to check it)\n',
    );
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `migration:check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
