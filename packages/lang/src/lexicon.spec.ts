import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildLexicon,
  deserialiseLexicon,
  loadLexicon,
  serialiseLexicon,
  type Lexicon,
} from './lexicon';
import { TRADE_LANGUAGES } from './languages';

/** Compared as bytes and by lookups: matchers walking 400,000 entries take minutes. */
function expectSameLexicon(actual: Lexicon, expected: Lexicon): void {
  const bytes = (array: ArrayBufferView): Buffer =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  expect(actual.words.size).toBe(expected.words.size);
  expect([...expected.words].every(([word, id]) => actual.words.get(word) === id)).toBe(true);
  expect(bytes(actual.starts).equals(bytes(expected.starts))).toBe(true);
  expect(bytes(actual.languages).equals(bytes(expected.languages))).toBe(true);
  expect(bytes(actual.weights).equals(bytes(expected.weights))).toBe(true);
  expect([...actual.malayOnly]).toEqual([...expected.malayOnly]);
}

describe('stored lexicon', () => {
  let built: Lexicon;
  let dir: string;

  beforeAll(() => {
    built = buildLexicon();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads back exactly the lexicon that was stored', () => {
    expectSameLexicon(deserialiseLexicon(serialiseLexicon(built)), built);
  });

  it('is built and stored on first use, then read from the store', () => {
    expectSameLexicon(loadLexicon(dir), built);
    const stored = readdirSync(dir);
    expect(stored).toEqual([expect.stringMatching(/^lexicon-[0-9a-f]{16}\.bin$/)]);
    // A store that only holds the words' weights as stored proves the second load read it.
    const marked = { ...built, weights: built.weights.map((weight) => weight / 2) };
    writeFileSync(join(dir, stored[0]!), serialiseLexicon(marked));
    expect(loadLexicon(dir).weights[0]).toBe(built.weights[0]! / 2);
  });

  it('builds again over a damaged store instead of failing', () => {
    loadLexicon(dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), Buffer.from('not a lexicon'));
    expectSameLexicon(loadLexicon(dir), built);
  });
});

describe('built lexicon', () => {
  const built = buildLexicon();
  const listedIn = (word: string): string[] => {
    const id = built.words.get(word);
    if (id === undefined) return [];
    const languages: string[] = [];
    for (let i = built.starts[id] ?? 0; i < (built.starts[id + 1] ?? 0); i += 1)
      languages.push(TRADE_LANGUAGES[built.languages[i] ?? 0] ?? '?');
    return languages;
  };

  it('leaves English words out of the lists that only quote them', () => {
    expect(listedIn('please')).toEqual(['en']);
    expect(listedIn('need')).not.toContain('it');
  });

  it('keeps a word that is common in both languages', () => {
    expect(listedIn('come')).toEqual(expect.arrayContaining(['en', 'it']));
    expect(listedIn('per')).toEqual(expect.arrayContaining(['en', 'it', 'nl']));
  });
});
