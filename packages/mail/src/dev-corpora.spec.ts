import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusFiles } from './bench/dev-corpus';
import { buildFuzzCorpus } from './fuzz-corpus.builder';
import { MalformedMessageError } from './malformed-message.error';
import { parseMessage } from './parse-message';

// A generous guard, not a speed check: on shared CI cores the fuzz run's wall time varies a lot.
jest.setTimeout(600_000);

describe('parseMessage over fuzzed spamassassin-dev messages', () => {
  it('either parses or throws MalformedMessageError with a reason for 1,000 malformed messages', async () => {
    const files = corpusFiles('spamassassin-dev');
    const seeds = [0, 1, 2, 3, 4, 5].map((i) =>
      readFileSync(files[Math.floor((i * files.length) / 6)]!),
    );
    const failures: string[] = [];
    let parsed = 0;
    let rejected = 0;
    for (const fuzzed of buildFuzzCorpus(seeds, 1000, 20241106)) {
      try {
        const message = await parseMessage(fuzzed.raw);
        expect(typeof message.text).toBe('string');
        parsed++;
      } catch (error) {
        if (error instanceof MalformedMessageError && error.reason.length > 0) rejected++;
        else failures.push(`${fuzzed.mutations.join('+')}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(parsed + rejected).toBe(1000);
    expect(parsed).toBeGreaterThan(rejected);
  });
});

interface Label {
  file: string;
  language: string;
}

describe('parseMessage over inquiries-dev', () => {
  const dir = corpusDir('inquiries-dev');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
  const nonEnglish = labels.filter((label) => label.language !== 'en');

  it('has non-English messages to check', () => {
    expect(nonEnglish.length).toBeGreaterThan(20);
  });

  it.each(nonEnglish.map((label) => [label.file, label.language]))(
    'decodes %s (%s) without U+FFFD',
    async (file) => {
      const message = await parseMessage(readFileSync(join(dir, file)));
      const texts = {
        subject: message.subject,
        text: message.text,
        html: message.html,
        from: message.from?.name ?? '',
      };
      for (const [part, value] of Object.entries(texts))
        expect(`${part}: ${value.includes('\uFFFD') ? 'has U+FFFD' : 'clean'}`).toBe(
          `${part}: clean`,
        );
      expect(message.text.trim().length).toBeGreaterThan(0);
    },
  );
});
