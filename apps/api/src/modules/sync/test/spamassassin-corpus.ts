import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../../../..');

/** The SpamAssassin dev corpus, in a stable order; INQUIRY_CORPORA_DIR overrides the location. */
export async function loadSpamAssassinCorpus(limit?: number): Promise<Buffer[]> {
  const base = join(process.env.INQUIRY_CORPORA_DIR ?? join(REPO_ROOT, '..', 'shared', 'corpora'), 'spamassassin-dev');
  const files: string[] = [];
  for (const label of ['ham', 'spam']) {
    for (const name of (await readdir(join(base, label))).sort()) files.push(join(base, label, name));
  }
  return Promise.all(files.slice(0, limit).map((file) => readFile(file)));
}
