import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Corpora live beside the repository (`../shared/corpora`); CORPORA_DIR points elsewhere. */
export function corpusDir(name: string): string {
  const dir = join(
    process.env.CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora'),
    name,
  );
  if (!existsSync(dir)) {
    throw new Error(
      `corpus directory ${dir} is missing: put the dev corpora beside the repository or set CORPORA_DIR`,
    );
  }
  return dir;
}

/** Every .eml file under the corpus, recursively, in name order. */
export function corpusFiles(name: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith('.eml')
            ? [join(dir, entry.name)]
            : [],
      );
  return walk(corpusDir(name));
}

export function readCorpus(name: string): Buffer[] {
  return corpusFiles(name).map((file) => readFileSync(file));
}
