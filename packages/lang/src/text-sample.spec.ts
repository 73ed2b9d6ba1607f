import { MAX_SAMPLE_CHARS, textSample } from './text-sample';

describe('textSample', () => {
  it('keeps a text that is short enough whole', () => {
    const text = 'Please quote 3 containers of granite.\n\nThanks, Ana';
    expect(textSample(text)).toBe(text);
  });

  it('bounds a long text and draws evenly from its first to its last paragraph', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i} ${'about marble slabs and delivery times '.repeat(8)}`,
    );
    const sample = textSample(paragraphs.join('\n\n'));
    expect(sample.length).toBeLessThanOrEqual(2 * MAX_SAMPLE_CHARS);
    const drawn = [...sample.matchAll(/Paragraph (\d+) /g)].map((match) => Number(match[1]));
    expect(drawn[0]).toBe(0);
    expect(drawn.at(-1)).toBe(39);
    expect(drawn.filter((i) => i > 10 && i < 30).length).toBeGreaterThanOrEqual(3);
  });

  it('cuts a long paragraph at a word boundary', () => {
    const sample = textSample('granito '.repeat(500));
    expect(sample.length).toBeLessThanOrEqual(MAX_SAMPLE_CHARS);
    expect(sample.endsWith('granito')).toBe(true);
  });
});
