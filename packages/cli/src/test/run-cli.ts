import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `inquiry` binary as a user would. The database commands boot the NestJS
 * service, which ships as ES modules that Jest's CommonJS runtime cannot load, so they are
 * exercised in a real Node process instead.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliRun> {
  return runNode([join(__dirname, '..', '..', 'bin', 'inquiry.js'), ...args], env, input);
}

export function runNode(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Environment pointing the service at its own database and blobs under `dir`. */
export function serviceEnv(dir: string): Record<string, string> {
  return {
    DB_URL: `sqlite:${join(dir, 'inquiry.sqlite')}`,
    BLOB_DIR: join(dir, 'blobs'),
    SECRET_KEY_FILE: join(dir, 'secret.key'),
    DEMO_INBOX: 'off',
  };
}
