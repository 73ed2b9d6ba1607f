import { franc } from 'franc';
import { detectLanguage } from '../detect-language';
import { linguaLines } from './corpora';

/**
 * Sentences per second on one core, over lingua-dev sentences already in memory, after one
 * warm-up pass (word lists loaded, code compiled). The machine is shared, so besides wall-clock
 * time the rate over the process's own CPU time is printed: that one does not drop when other
 * processes take the core.
 */
function measure(
  name: string,
  sentences: readonly string[],
  detect: (text: string) => unknown,
): void {
  for (const sentence of sentences) detect(sentence);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const sentence of sentences) detect(sentence);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const rate = (seconds: number): string =>
    Math.round(sentences.length / seconds)
      .toLocaleString('en-US')
      .padStart(8);
  console.log(
    `  ${name.padEnd(10)} ${rate(wall)} sentences/s wall-clock, ${rate((used.user + used.system) / 1e6)} per CPU second`,
  );
}

const sentences = [...linguaLines('sentences').values()].flat();
console.log(`lingua-dev sentences: ${sentences.length} in memory, one core`);
measure('ours', sentences, (text) => detectLanguage(text));
measure('franc', sentences, (text) => franc(text));
