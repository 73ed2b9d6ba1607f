import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ensureBinaries, MARIADB_BINARIES } from './system-packages';
import { freePort, run, logTail, terminate, track, waitUntil } from './process-utils';

export interface MariaDbServer {
  /** `mysql://user:password@127.0.0.1:port/database` of the test database. */
  url: string;
  port: number;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Graceful shutdown, then start again on the same port with the same data. */
  restart(): Promise<void>;
  /** SIGKILL: the server dies as in a crash; `restart()` brings it back with its data. */
  kill(): Promise<void>;
  /** Graceful shutdown keeping the data; `restart()` brings it back. */
  shutdown(): Promise<void>;
  /** Shuts down and deletes the data directory. */
  stop(): Promise<void>;
}

export interface StartMariaDbOptions {
  database?: string;
}

const USER = 'inquiry';
const PASSWORD = 'inquiry-test';

/**
 * Starts a private MariaDB server on a free loopback port, data under a fresh temporary
 * directory, with no config file from the system and no system service involved.
 */
export async function startMariaDb(options: StartMariaDbOptions = {}): Promise<MariaDbServer> {
  const binaries = await ensureBinaries(MARIADB_BINARIES);
  const database = options.database ?? 'inquiry_test';
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-mariadb-'));
  const dataDir = join(dir, 'data');
  const errorLog = join(dir, 'error.log');
  const initFile = join(dir, 'init.sql');
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];

  await run(binaries['mariadb-install-db']!, [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...userArgs,
  ]);
  // Runs at every start, so it must be idempotent; it gives the tests a password user on TCP.
  await writeFile(
    initFile,
    [
      `CREATE USER IF NOT EXISTS '${USER}'@'%' IDENTIFIED BY '${PASSWORD}';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'%' WITH GRANT OPTION;`,
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
      '',
    ].join('\n'),
  );

  const port = await freePort();
  const args = [
    '--no-defaults',
    ...userArgs,
    `--datadir=${dataDir}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--log-error=${errorLog}`,
    `--init-file=${initFile}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-name-resolve',
    '--skip-log-bin',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--max-allowed-packet=256M',
    '--innodb-buffer-pool-size=256M',
    // Commits survive a killed server (the OS still has the log); only a machine crash could lose them.
    '--innodb-flush-log-at-trx-commit=2',
  ];
  const urlFor = (name: string) => `mysql://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  const url = urlFor(database);

  let child: ChildProcess | undefined;
  const start = async () => {
    const server = spawn(binaries.mariadbd!, args, { stdio: 'ignore' });
    track(server);
    child = server;
    await waitUntil(
      'mariadbd',
      () => canQuery(url),
      server,
      () => logTail(errorLog),
    );
  };

  await start();
  return {
    url,
    port,
    async createDatabase(name) {
      const connection = await createConnection(url);
      try {
        await connection.query(
          `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
        );
      } finally {
        await connection.end();
      }
      return urlFor(name);
    },
    async restart() {
      if (child) await terminate(child, 'SIGTERM');
      await start();
    },
    async kill() {
      if (child) await terminate(child, 'SIGKILL');
    },
    async shutdown() {
      if (child) await terminate(child, 'SIGTERM');
    },
    async stop() {
      if (child) await terminate(child, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function canQuery(url: string): Promise<boolean> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 1000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}
