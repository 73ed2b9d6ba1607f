import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFile,
  chmod,
  chown,
  mkdir,
  mkdtemp,
  rename,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { DOVECOT_BINARIES, ensureBinaries } from './system-packages';
import {
  freePort,
  portAccepts,
  run,
  logTail,
  sleep,
  terminate,
  track,
  waitUntil,
} from './process-utils';

export interface DovecotServer {
  host: string;
  port: number;
  /** Adds a login (plaintext password); its maildir is created on first use. */
  addUser(name: string, password: string): Promise<void>;
  /**
   * Puts messages into a folder (created when missing) by writing maildir files directly,
   * which seeds thousands of messages in a second; the server assigns UIDs in order.
   */
  appendMessages(user: string, folder: string, raws: Buffer[]): Promise<void>;
  /**
   * Gives the folder a new UIDVALIDITY and renumbers its messages, as a server does after
   * its index is rebuilt. Returns the new UIDVALIDITY.
   */
  resetUidValidity(user: string, folder: string): Promise<number>;
  /** The folder's UIDVALIDITY as the server has it now. */
  uidValidity(user: string, folder: string): Promise<number>;
  /** Runs `doveadm` against this server's configuration. */
  doveadm(args: string[]): Promise<string>;
  /** Graceful shutdown keeping the mail; `restart()` brings it back on the same port. */
  shutdown(): Promise<void>;
  restart(): Promise<void>;
  /** Shuts down and deletes all mail and configuration. */
  stop(): Promise<void>;
}

interface MailOwner {
  uid: number;
  gid: number;
  user: string;
}

/**
 * Starts a private Dovecot IMAP server on a free loopback port with its own configuration,
 * passwd-file logins and maildirs under a fresh temporary directory. Plaintext login is
 * allowed because it only listens on loopback.
 */
export async function startDovecot(): Promise<DovecotServer> {
  const binaries = await ensureBinaries(DOVECOT_BINARIES);
  const dir = await mkdtemp(join(tmpdir(), 'inquiry-dovecot-'));
  const mailRoot = join(dir, 'mail');
  const usersFile = join(dir, 'users');
  const configFile = join(dir, 'dovecot.conf');
  const logFile = join(dir, 'dovecot.log');
  const owner = await mailOwner();
  const asRoot = process.getuid?.() === 0;
  const port = await freePort();

  await mkdir(mailRoot);
  await writeFile(usersFile, '');
  if (asRoot) {
    // Dovecot refuses to touch mail as root, so mail belongs to `nobody`, and its auth
    // process (user `dovecot`) must be able to read the users file.
    await chmod(dir, 0o755);
    await chmod(usersFile, 0o644);
    await chown(mailRoot, owner.uid, owner.gid);
  }
  const processUsers = asRoot
    ? []
    : [`default_login_user = ${owner.user}`, `default_internal_user = ${owner.user}`];
  await writeFile(
    configFile,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${logFile}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `mail_location = maildir:${mailRoot}/%u/Maildir`,
      `mail_uid = ${owner.uid}`,
      `mail_gid = ${owner.gid}`,
      'mail_fsync = never',
      'mail_max_userip_connections = 200',
      ...processUsers,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${usersFile}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = home=${mailRoot}/%u`,
      '}',
      'service imap-login {',
      '  chroot =',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      'service anvil {',
      '  chroot =',
      '}',
      '',
    ].join('\n'),
  );

  const doveadm = (args: string[]) => run(binaries.doveadm!, ['-c', configFile, ...args]);
  const uidValidity = async (user: string, folder: string): Promise<number> => {
    const status = await doveadm([
      '-f',
      'flow',
      'mailbox',
      'status',
      '-u',
      user,
      'uidvalidity',
      folder,
    ]);
    const value = Number(/uidvalidity=(\d+)/.exec(status)?.[1]);
    if (!Number.isFinite(value)) throw new Error(`no UIDVALIDITY for ${user}/${folder}: ${status}`);
    return value;
  };
  const folderDir = (user: string, folder: string) =>
    folder.toUpperCase() === 'INBOX'
      ? join(mailRoot, user, 'Maildir')
      : join(mailRoot, user, 'Maildir', '.' + folder.replace(/\//g, '.'));

  let child: ChildProcess | undefined;
  const start = async () => {
    const server = spawn(binaries.dovecot!, ['-F', '-c', configFile], { stdio: 'ignore' });
    track(server);
    child = server;
    await waitUntil('dovecot', portAccepts(port), server, () => logTail(logFile));
  };
  const halt = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // The master leaves running sessions alone when it stops; an outage must end them too.
    await doveadm(['kick', '*']).catch(() => undefined);
    await terminate(child, 'SIGTERM');
  };

  let sequence = 0;
  let usersStamp = 0;
  await start();
  return {
    host: '127.0.0.1',
    port,
    doveadm,
    async addUser(name, password) {
      if (!/^[A-Za-z0-9._@-]+$/.test(name) || password.includes(':') || password.includes('\n')) {
        throw new Error(
          `addUser: '${name}' is not a valid test login (letters, digits, . _ @ - only; no ':' in the password)`,
        );
      }
      await appendFile(usersFile, `${name}:{PLAIN}${password}::::::\n`);
      // Dovecot re-reads the users file when its mtime (in whole seconds) changes, so two
      // additions within one second must still move it forward.
      usersStamp = Math.max(Math.floor(Date.now() / 1000), usersStamp + 1);
      await utimes(usersFile, usersStamp, usersStamp);
      // The auth process looks at the file at most once per second of its own clock, so a
      // lookup in the same second as an earlier one still misses the new user: wait for it.
      const deadline = Date.now() + 5000;
      for (;;) {
        try {
          await doveadm(['user', name]);
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await sleep(200);
        }
      }
    },
    async appendMessages(user, folder, raws) {
      const target = folderDir(user, folder);
      if (!existsSync(join(target, 'cur'))) {
        if (folder.toUpperCase() === 'INBOX')
          await doveadm(['mailbox', 'status', '-u', user, 'messages', 'INBOX']);
        else await doveadm(['mailbox', 'create', '-u', user, folder]);
      }
      const now = Math.floor(Date.now() / 1000);
      for (const raw of raws) {
        sequence += 1;
        const name = `${now}.M${sequence}P${process.pid}.inquiry-test,S=${raw.length}`;
        const temporary = join(target, 'tmp', name);
        await writeFile(temporary, raw);
        if (asRoot) await chown(temporary, owner.uid, owner.gid);
        // Written aside and renamed in, so the server never sees half a message.
        await rename(temporary, join(target, 'cur', `${name}:2,`));
      }
    },
    uidValidity,
    async resetUidValidity(user, folder) {
      const current = await uidValidity(user, folder);
      const next = current + 1;
      const aside = `reset-${Date.now()}`;
      // Moving the messages out and back in gives them new UIDs under the new UIDVALIDITY.
      await doveadm(['mailbox', 'create', '-u', user, aside]);
      await doveadm(['move', '-u', user, aside, 'mailbox', folder, 'all']);
      await doveadm(['mailbox', 'update', '-u', user, '--uid-validity', String(next), folder]);
      await doveadm(['move', '-u', user, folder, 'mailbox', aside, 'all']);
      await doveadm(['mailbox', 'delete', '-u', user, aside]);
      return next;
    },
    shutdown: halt,
    async restart() {
      await halt();
      await start();
    },
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function mailOwner(): Promise<MailOwner> {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { uid: me.uid, gid: me.gid, user: me.username };
  }
  const uid = Number((await run('id', ['-u', 'nobody'])).trim());
  const gid = Number((await run('id', ['-g', 'nobody'])).trim());
  return { uid, gid, user: 'nobody' };
}
