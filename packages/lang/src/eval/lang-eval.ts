import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { franc } from 'franc';
import { detectLanguage } from '../detect-language';
import { FRANC_CODES, FROM_FRANC, TRADE_LANGUAGES } from '../languages';
import { trainMalayWordOdds, type MalayWordOdds } from '../malay-word-odds';
import { corporaDir, LINGUA_KINDS, linguaLines, type LinguaKind } from './corpora';

/** A detector's answer for the `line`-th text of a file (or of the inquiry set). */
type Detector = (text: string, line: number) => string;

const ONLY_TRADE = TRADE_LANGUAGES.map((language) => FRANC_CODES[language]);
// franc answers ISO 639-3; its macro-language members (cmn, arb, zlm, pes) map back to our codes.
const toIso1 = (code: string): string => FROM_FRANC.get(code) ?? code;

const baselines: ReadonlyArray<readonly [string, Detector]> = [
  ['franc', (text) => toIso1(franc(text, { minLength: 1 }))],
  ['franc-22', (text) => toIso1(franc(text, { only: ONLY_TRADE, minLength: 1 }))],
];

/**
 * The shipped Malay/Indonesian word odds were learned from these lingua-dev sentences, so no
 * sentence is scored with them: each is scored with odds learned from the other half of the
 * sentences (lines of the other parity), a two-fold cross-validation. Word pairs and single
 * words are cut from the same texts, so they are scored without odds (the detector ignores
 * odds for texts of up to three words anyway).
 */
function oursFor(kind: LinguaKind, root: string): Detector {
  if (kind !== 'sentences') {
    return (text) => detectLanguage(text, { malayOdds: new Map() }).language;
  }
  const sentences = linguaLines('sentences', root);
  const half = (lines: readonly string[], parity: number): string[] =>
    lines.filter((_, line) => line % 2 === parity);
  const folds: MalayWordOdds[] = [0, 1].map((parity) =>
    trainMalayWordOdds(
      half(sentences.get('ms') ?? [], parity),
      half(sentences.get('id') ?? [], parity),
    ),
  );
  return (text, line) => detectLanguage(text, { malayOdds: folds[1 - (line % 2)] }).language;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}`.padStart(6);

function evalLingua(root: string): void {
  for (const kind of LINGUA_KINDS) {
    const lines = linguaLines(kind, root);
    const detectors: ReadonlyArray<readonly [string, Detector]> = [
      ['ours', oursFor(kind, root)],
      ...baselines,
    ];
    console.log(
      `\nlingua-dev/${kind}  (accuracy %, ${detectors.map(([name]) => name).join(' | ')})`,
    );
    const sums = detectors.map(() => 0);
    for (const [language, texts] of lines) {
      const row = detectors.map(([, detect], i) => {
        const accuracy =
          texts.filter((text, line) => detect(text, line) === language).length / texts.length;
        sums[i] = (sums[i] ?? 0) + accuracy;
        return percent(accuracy);
      });
      console.log(`  ${language.padEnd(4)} n=${String(texts.length).padEnd(4)} ${row.join('  ')}`);
    }
    console.log(
      `  mean over ${lines.size}:  ${sums.map((sum) => percent(sum / lines.size)).join('  ')}`,
    );
  }
}

interface Label {
  file: string;
  language: string;
}

interface ParsedMail {
  text?: string;
}

async function evalInquiries(root: string): Promise<void> {
  // mailparser stands in for @inquiry/mail's normaliser here, only to get each message's text.
  const { simpleParser } = createRequire(__filename)('mailparser') as {
    simpleParser: (source: Buffer) => Promise<ParsedMail>;
  };
  const dir = join(root, 'inquiries-dev');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  // The inquiries share no text with the data the word odds were learned from.
  const detectors: ReadonlyArray<readonly [string, Detector]> = [
    ['ours', (text) => detectLanguage(text).language],
    ...baselines,
  ];
  const correct = detectors.map(() => 0);
  const misses: string[] = [];
  for (const [line, label] of labels.entries()) {
    const text = (await simpleParser(readFileSync(join(dir, label.file)))).text ?? '';
    detectors.forEach(([name, detect], i) => {
      const got = detect(text, line);
      if (got === label.language) correct[i] = (correct[i] ?? 0) + 1;
      else if (name === 'ours') misses.push(`${label.file}: ${label.language} -> ${got}`);
    });
  }
  console.log(
    `\ninquiries-dev messages (accuracy %, ${detectors.map(([name]) => name).join(' | ')})`,
  );
  console.log(
    `  n=${labels.length}          ${correct.map((count) => percent(count / labels.length)).join('  ')}`,
  );
  if (misses.length > 0) console.log(`  ours missed: ${misses.join('; ')}`);
}

async function main(): Promise<void> {
  const root = corporaDir();
  evalLingua(root);
  await evalInquiries(root);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
