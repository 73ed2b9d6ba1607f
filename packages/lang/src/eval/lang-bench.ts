import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { franc } from 'franc';
import { detectLanguage } from '../detect-language';
import { loadLexicon } from '../lexicon';
import { corporaDir, linguaLines } from './corpora';

/**
 * Texts per second on one core, over texts already in memory, after one warm-up pass (word
 * lists loaded, code compiled). The machine is shared, so besides wall-clock time the rate over
 * the process's own CPU time is printed: that one does not drop when other processes take the core.
 */
function measure(
  name: string,
  unit: string,
  texts: readonly string[],
  detect: (text: string) => unknown,
): void {
  for (const text of texts) detect(text);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const text of texts) detect(text);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const rate = (seconds: number): string =>
    Math.round(texts.length / seconds)
      .toLocaleString('en-US')
      .padStart(8);
  console.log(
    `  ${name.padEnd(10)} ${rate(wall)} ${unit}/s wall-clock, ${rate((used.user + used.system) / 1e6)} per CPU second`,
  );
}

interface ParsedMail {
  text?: string;
}

/** Plain-text bodies of at least `minChars` characters among the SpamAssassin ham messages. */
async function longBodies(minChars: number): Promise<string[]> {
  // mailparser stands in for @inquiry/mail's normaliser here, only to get each message's text.
  const { simpleParser } = createRequire(__filename)('mailparser') as {
    simpleParser: (source: Buffer) => Promise<ParsedMail>;
  };
  const dir = join(corporaDir(), 'spamassassin-dev', 'ham');
  const bodies: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    const text = (await simpleParser(readFileSync(join(dir, file)))).text ?? '';
    if (text.length >= minChars) bodies.push(text);
  }
  return bodies;
}

/** Start-up cost: building the lexicon from the word lists, and reading back a stored one. */
function lexiconLoad(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-bench-'));
  const seconds = (load: () => unknown): string => {
    const start = process.hrtime.bigint();
    load();
    return (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);
  };
  try {
    const built = seconds(() => loadLexicon(dir));
    const read = seconds(() => loadLexicon(dir));
    console.log(`lexicon: built and stored in ${built} s, read back from the store in ${read} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  lexiconLoad();
  const sentences = [...linguaLines('sentences').values()].flat();
  console.log(`lingua-dev sentences: ${sentences.length} in memory, one core`);
  measure('ours', 'sentences', sentences, (text) => detectLanguage(text));
  measure('franc', 'sentences', sentences, (text) => franc(text));
  const long = sentences.filter((sentence) => sentence.length >= 200);
  console.log(`lingua-dev sentences of 200 characters or more: ${long.length}`);
  measure('ours', 'sentences', long, (text) => detectLanguage(text));

  const bodies = await longBodies(2_000);
  const kilobytes = bodies.reduce((sum, body) => sum + body.length, 0) / bodies.length / 1024;
  console.log(
    `spamassassin-dev ham bodies of 2 KB or more: ${bodies.length}, ${kilobytes.toFixed(1)} KB on average`,
  );
  measure('ours', 'messages', bodies, (text) => detectLanguage(text));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
