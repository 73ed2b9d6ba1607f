import { existsSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './process-utils';

export interface SystemBinary {
  /** Executable looked up on PATH and in the sbin directories. */
  binary: string;
  /** Debian package that provides it. */
  aptPackage: string;
}

export const MARIADB_BINARIES: SystemBinary[] = [
  { binary: 'mariadbd', aptPackage: 'mariadb-server' },
  { binary: 'mariadb-install-db', aptPackage: 'mariadb-server' },
];
export const DOVECOT_BINARIES: SystemBinary[] = [
  { binary: 'dovecot', aptPackage: 'dovecot-imapd' },
  { binary: 'doveadm', aptPackage: 'dovecot-imapd' },
];

const SEARCH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Absolute path of a binary, or undefined. Looks beyond PATH because sbin is often missing from it. */
export function findBinary(binary: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SEARCH_DIRS];
  return dirs.map((dir) => join(dir, binary)).find((path) => existsSync(path));
}

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Makes sure the binaries exist. As root, missing ones are installed with apt-get; the
 * packages' own system services are kept from starting (policy-rc.d answering 101), because
 * the tests run private servers on their own ports. Otherwise the error names the packages.
 */
export async function ensureBinaries(wanted: SystemBinary[]): Promise<Record<string, string>> {
  const missing = wanted.filter((item) => !findBinary(item.binary));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((item) => item.aptPackage))];
    if (process.getuid?.() !== 0) {
      throw new Error(
        `Integration tests need ${missing.map((item) => item.binary).join(', ')}: install the Debian/Ubuntu ` +
          `package(s) ${packages.join(' ')} (e.g. 'sudo apt-get install -y ${packages.join(' ')}'), or run the tests as root to have them installed.`,
      );
    }
    await aptInstall(packages);
  }
  return Object.fromEntries(
    wanted.map((item) => [item.binary, findBinary(item.binary) ?? item.binary]),
  );
}

async function aptInstall(packages: string[]): Promise<void> {
  const createdPolicy = !existsSync(POLICY_RC_D);
  if (createdPolicy) writeFileSync(POLICY_RC_D, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update', '-q'], env);
    await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], env);
  } finally {
    if (createdPolicy) unlinkSync(POLICY_RC_D);
  }
}
