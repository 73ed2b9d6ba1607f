import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LabelledMessage {
  file: string;
  /** `ham`/`spam` for SpamAssassin, `genuine`/`spam`/`scam`/`spy` for the inquiry corpus. */
  label: string;
  raw: Buffer;
}

/** Corpora live beside the repository (`../shared/corpora`); CORPORA_DIR points elsewhere. */
export function corporaRoot(): string {
  return process.env.CORPORA_DIR ?? resolve(__dirname, '../../../../../shared/corpora');
}

export function loadSpamAssassin(root = corporaRoot()): LabelledMessage[] {
  const dir = join(root, 'spamassassin-dev');
  return ['ham', 'spam'].flatMap((label) =>
    readdirSync(join(dir, label))
      .filter((name) => !name.startsWith('.') && name !== 'cmds')
      .sort()
      .map((name) => ({
        file: `${label}/${name}`,
        label,
        raw: readFileSync(join(dir, label, name)),
      })),
  );
}

export function loadInquiries(root = corporaRoot()): LabelledMessage[] {
  const dir = join(root, 'inquiries-dev');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Array<{
    file: string;
    class: string;
  }>;
  return labels.map(({ file, class: label }) => ({
    file,
    label,
    raw: readFileSync(join(dir, file)),
  }));
}

/** The token-model class a corpus label stands for: SpamAssassin's ham and genuine inquiries are `clean`. */
export function modelClass(label: string): string {
  return label === 'ham' || label === 'genuine' ? 'clean' : label;
}
