import { franc } from 'franc';
import { detectLanguage } from '../detect-language';
import { linguaLines } from './corpora';

/** Sentences per second on one core, over lingua-dev sentences already in memory. */
function measure(
  name: string,
  sentences: readonly string[],
  detect: (text: string) => unknown,
): void {
  for (const sentence of sentences.slice(0, 500)) detect(sentence);
  const start = process.hrtime.bigint();
  for (const sentence of sentences) detect(sentence);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `  ${name.padEnd(10)} ${Math.round(sentences.length / seconds)
      .toLocaleString('en-US')
      .padStart(8)} sentences/s`,
  );
}

const sentences = [...linguaLines('sentences').values()].flat();
console.log(`lingua-dev sentences: ${sentences.length} in memory, one core`);
measure('ours', sentences, (text) => detectLanguage(text));
measure('franc', sentences, (text) => franc(text));
