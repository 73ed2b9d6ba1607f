import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LINGUA_KINDS = ['sentences', 'word-pairs', 'single-words'] as const;
export type LinguaKind = (typeof LINGUA_KINDS)[number];

/** The shared corpora live beside the repository; `CORPORA_DIR` points elsewhere. */
export function corporaDir(): string {
  return process.env.CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
}

/** Lines of `lingua-dev/<kind>/<language>.txt`, by language code (the file name). */
export function linguaLines(kind: LinguaKind, root = corporaDir()): Map<string, string[]> {
  const dir = join(root, 'lingua-dev', kind);
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.txt'));
  } catch (error) {
    throw new Error(
      `cannot read ${dir}: ${(error as Error).message} (set CORPORA_DIR to the corpora folder)`,
    );
  }
  return new Map(
    files.sort().map((file) => [
      file.replace(/\.txt$/, ''),
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    ]),
  );
}
