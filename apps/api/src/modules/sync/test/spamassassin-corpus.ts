import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../../../..');

/** Where the dev corpora live: `../shared/corpora` beside the repository unless CORPORA_DIR says otherwise. */
export function corporaDir(): string {
  return process.env.CORPORA_DIR ?? join(REPO_ROOT, '..', 'shared', 'corpora');
}

/** The SpamAssassin dev corpus (ham, then spam), in a stable order. */
export async function loadSpamAssassinCorpus(limit?: number): Promise<Buffer[]> {
  const base = join(corporaDir(), 'spamassassin-dev');
  if (!existsSync(base)) {
    throw new Error(
      `corpus directory ${base} is missing: put the dev corpora beside the repository or set CORPORA_DIR`,
    );
  }
  const files: string[] = [];
  for (const label of ['ham', 'spam']) {
    for (const name of (await readdir(join(base, label))).sort())
      files.push(join(base, label, name));
  }
  return Promise.all(files.slice(0, limit).map((file) => readFile(file)));
}
