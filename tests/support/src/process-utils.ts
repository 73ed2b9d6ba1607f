import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

/** Runs a command to completion; the error names the command and carries its stderr. */
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(`'${command} ${args.join(' ')}' failed: ${stderr.trim() || error.message}`),
          );
          return;
        }
        resolve(stdout);
      },
    );
  });
}

/** A free TCP port on loopback: the OS picks one, we release it and hand it to the server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `probe` succeeds, failing early when the server process has already exited
 * (with `describe()` giving the server's own log so the failure explains itself).
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  child: ChildProcess,
  describe: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${what} exited during start-up (${child.exitCode ?? child.signalCode}).\n${describe()}`,
      );
    }
    if (await probe()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s.\n${describe()}`);
}

export const portAccepts = (port: number) => () => canConnect(port);

/** Resolves once the process has exited; sends `signal` first unless it is already gone. */
export function terminate(
  child: ChildProcess,
  signal: NodeJS.Signals,
  timeoutMs = 30_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`process ${child.pid} ignored ${signal} for ${timeoutMs / 1000}s and was killed`),
      );
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Kills servers left behind if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const server of running) server.kill('SIGKILL');
    });
  }
}

/** The end of a server's log, for start-up failures that should explain themselves. */
export function logTail(path: string): string {
  if (!existsSync(path)) return `(no log at ${path})`;
  return `last lines of ${path}:\n` + readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
}
