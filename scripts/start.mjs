// `npm start`: the whole main job on a fresh clone. Installs and builds what is missing, then
// runs the service (which migrates its database and, on an empty one, imports the demo inbox).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(
      `npm start: '${command} ${args.join(' ')}' failed (exit ${result.status}).\n`,
    );
    process.exit(result.status ?? 1);
  }
}

function isStale(marker, reference) {
  return !existsSync(marker) || statSync(marker).mtimeMs < statSync(reference).mtimeMs;
}

// `npm install` rather than `npm ci`: the lockfile is written without registry URLs and
// without other platforms' optional binaries, which `npm ci` rejects as out of sync.
if (isStale(join(root, 'node_modules/.package-lock.json'), join(root, 'package-lock.json'))) {
  run('npm', ['install', '--no-audit', '--no-fund']);
}
// turbo caches build outputs, so this is a no-op when nothing changed.
run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);

const service = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => service.kill(signal));
}
service.on('exit', (code) => process.exit(code ?? 0));
