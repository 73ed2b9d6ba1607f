import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { corporaRoot, loadInquiries, loadSpamAssassin, modelClass } from '../eval/corpus';
import type { LabelledMessage } from '../eval/corpus';
import { messageDigest, SHIPPED_MODEL_FILE, SHIPPED_PRUNING } from '../learning/shipped-model';
import { pruneTokenModel, trainTokenModel } from '../learning/token-model';

/**
 * Both labelled corpora by default. SpamAssassin alone marks 15 % of genuine exporter inquiries
 * as spam (its ham is 2002 mailing-list talk, so any trade wording looks like spam to it); with
 * the inquiry corpus the model learns exporter mail of every class. The evaluation measures this
 * recipe by cross-validation (README, "Shipped token model").
 */
const LOADERS: Record<string, (root: string) => LabelledMessage[]> = {
  'spamassassin-dev': loadSpamAssassin,
  'inquiries-dev': loadInquiries,
};
const DEFAULT_SOURCES = Object.keys(LOADERS);

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const names = argument('--sources')?.split(',') ?? DEFAULT_SOURCES;
  const out = argument('--out') ?? SHIPPED_MODEL_FILE;
  const root = corporaRoot();
  const examples: Array<{ message: NormalisedMessage; label: string }> = [];
  const digests: string[] = [];
  for (const name of names) {
    const load = LOADERS[name];
    if (!load)
      throw new Error(`--sources: unknown corpus '${name}' (known: ${DEFAULT_SOURCES.join(', ')})`);
    for (const item of load(root)) {
      try {
        examples.push({ message: await parseMessage(item.raw), label: modelClass(item.label) });
        digests.push(messageDigest(item.raw));
      } catch {
        process.stderr.write(`${name}/${item.file}: cannot be parsed, left out\n`);
      }
    }
  }
  const full = trainTokenModel(examples);
  const model = {
    ...pruneTokenModel(full, SHIPPED_PRUNING),
    trainedOn: { sources: names, messages: examples.length, digests: [...new Set(digests)].sort() },
  };
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(model);
  writeFileSync(out, `${json}\n`);
  const perClass = model.classes.map((c, i) => `${c} ${model.documents[i]}`).join(', ');
  process.stdout.write(
    `trained on ${names.join(' + ')} (${examples.length} messages: ${perClass}); kept ${Object.keys(model.tokens).length} of ${Object.keys(full.tokens).length} tokens; wrote ${out} (${(json.length / 1024).toFixed(0)} KiB)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
