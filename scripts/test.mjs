// `npm test` (and so `.ci/run`): everything from a fresh clone. Installs what is missing
// (npm packages; MariaDB and Dovecot when running as root), builds, then runs lint, typecheck,
// the formatting check and unit tests, then the integration tier one package at a time because it starts real
// servers on a two-core machine. Every step runs even after a failure so one run reports all
// of them; the exit code is non-zero when any step failed.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const failedSteps = [];

function runStep(name, command, args, env = process.env) {
  return new Promise((resolve) => {
    process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => {
      const ok = code === 0;
      if (!ok) failedSteps.push(`${name} (${signal ?? `exit ${code}`})`);
      resolve(ok);
    });
  });
}

function isStale(marker, reference) {
  return !existsSync(marker) || statSync(marker).mtimeMs < statSync(reference).mtimeMs;
}

const SYSTEM_BINARIES = [
  { binary: 'mariadbd', aptPackage: 'mariadb-server' },
  { binary: 'mariadb-install-db', aptPackage: 'mariadb-server' },
  { binary: 'dovecot', aptPackage: 'dovecot-imapd' },
  { binary: 'doveadm', aptPackage: 'dovecot-imapd' },
];

function hasBinary(binary) {
  const dirs = [
    ...(process.env.PATH ?? '').split(':'),
    '/usr/local/sbin',
    '/usr/sbin',
    '/sbin',
    '/usr/bin',
  ];
  return dirs.some((dir) => dir && existsSync(join(dir, binary)));
}

/** The integration tier needs MariaDB and Dovecot; as root they are installed here, once. */
async function installSystemPackages() {
  const packages = [
    ...new Set(SYSTEM_BINARIES.filter((b) => !hasBinary(b.binary)).map((b) => b.aptPackage)),
  ];
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    process.stdout.write(
      `\nnpm test: integration tests need the packages ${packages.join(' ')}; not root, so they are not installed here ` +
        `(the integration tier will fail naming them).\n`,
    );
    return;
  }
  // Keep the packages' system services from starting: the tests run private servers.
  const policy = '/usr/sbin/policy-rc.d';
  const createdPolicy = !existsSync(policy);
  if (createdPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (await runStep('apt-get update', 'apt-get', ['update', '-q'], env)) {
      await runStep(
        'system packages',
        'apt-get',
        ['install', '-y', '-q', '--no-install-recommends', ...packages],
        env,
      );
    }
  } finally {
    if (createdPolicy) unlinkSync(policy);
  }
}

/** Workspace directories, from the root package.json globs (`dir/*` or a plain path). */
function workspaceDirs() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name));
  });
}

// Jest writes its results into each package's .turbo/ (ignored by git); summed at the end.
const resultFiles = { test: '.turbo/jest-test.json', 'test:int': '.turbo/jest-test-int.json' };

function clearResults() {
  for (const dir of workspaceDirs()) {
    mkdirSync(join(dir, '.turbo'), { recursive: true });
    for (const file of Object.values(resultFiles)) rmSync(join(dir, file), { force: true });
  }
}

function sumResults() {
  let passed = 0;
  let failed = 0;
  for (const dir of workspaceDirs()) {
    for (const file of Object.values(resultFiles)) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      const result = JSON.parse(readFileSync(path, 'utf8'));
      passed += result.numPassedTests;
      // A suite that fails to load has no failed tests but is a failure all the same.
      failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
    }
  }
  return { passed, failed };
}

const turbo = (args) => ['turbo', 'run', ...args, '--output-logs=full', '--env-mode=loose'];

// `npm install` rather than `npm ci`: see scripts/start.mjs.
if (isStale(join(root, 'node_modules/.package-lock.json'), join(root, 'package-lock.json'))) {
  const installed = await runStep('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
  if (!installed) process.exit(1);
}
await installSystemPackages();
clearResults();

if (!(await runStep('build', 'npx', turbo(['build'])))) {
  process.stdout.write(`\nnpm test: build failed, nothing tested.\n0 passed, 0 failed\n`);
  process.exit(1);
}
await runStep('lint and typecheck', 'npx', turbo(['lint', 'typecheck']));
await runStep('formatting', 'npx', ['prettier', '--check', '.']);
// Two packages at a time on the two-core machines we run on: more only makes each suite slower.
// --continue runs every package's tests even when one fails, so the summary counts them all.
await runStep(
  'unit tests',
  'npx',
  turbo([
    'test',
    '--concurrency=2',
    '--continue',
    '--',
    '--json',
    `--outputFile=${resultFiles.test}`,
  ]),
);
await runStep('integration tests', 'npx', [
  ...turbo(['test:int', '--concurrency=1', '--continue']),
  '--',
  '--json',
  `--outputFile=${resultFiles['test:int']}`,
]);

const { passed, failed } = sumResults();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(`\nnpm test finished in ${minutes} min.`);
process.stdout.write(
  failedSteps.length ? ` Failed steps: ${failedSteps.join(', ')}.\n` : ' All steps passed.\n',
);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
