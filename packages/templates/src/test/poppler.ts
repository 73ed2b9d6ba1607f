import { execFileSync } from 'node:child_process';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The PDF tests read PDFs back with poppler; as root the test setup installs it. */
export function ensurePoppler(): void {
  if (hasPdftotext()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'pdftotext is missing: install the Debian package poppler-utils (apt-get install poppler-utils)',
    );
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
