import { startMariaDb, type MariaDbServer } from './mariadb-server';
import { DOVECOT_BINARIES, ensureBinaries } from './system-packages';

declare global {
  var inquiryTestMariaDb: MariaDbServer | undefined;
}

/**
 * Jest globalSetup for integration tiers: one private MariaDB per run, its URL in
 * TEST_DB_URL for every test file. A TEST_DB_URL already set (an existing server) is kept.
 * Dovecot is installed here too, so parallel test files never race to apt-get it.
 */
export default async function globalSetup(): Promise<void> {
  await ensureBinaries(DOVECOT_BINARIES);
  if (process.env.TEST_DB_URL) return;
  const server = await startMariaDb();
  globalThis.inquiryTestMariaDb = server;
  process.env.TEST_DB_URL = server.url;
}
