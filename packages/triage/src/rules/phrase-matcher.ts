/**
 * Phrase families: each is one regular expression over lower-cased text, tried only where one of
 * its phrases can begin. Almost every phrase opens with a word, so a text's words are read once
 * against one table of every family's opening words, and each expression then runs at those few
 * places instead of at every position of every text.
 */

/** Letters that make a word: a phrase must not start or end inside a Latin or Cyrillic word. */
const WORD = 'a-z0-9\\u00c0-\\u024f\\u0400-\\u04ff';
const NON_ASCII = /[\u0080-\uffff]/;
/** Letters of a word that index it: enough to be selective, short enough for stems (`capacit`). */
const PREFIX = 4;
/** Characters a phrase source uses as syntax; any other character stands for itself. */
const SYNTAX = '\\()[]{}.?*+|^$';

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    isDigitCode(code) ||
    (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

/** A literal searched for in the text: phrases that open with a symbol or in a script without word breaks. */
interface LiteralOpening {
  literal: string;
  /** Whether the literal is plain ASCII: one that is not cannot occur in an all-ASCII text. */
  ascii: boolean;
}

/** A compiled phrase family. */
export interface PhraseMatcher {
  /** Every phrase, then no word letter: a phrase ends where a word ends. */
  pattern: RegExp;
  /** The same expression tried at one place (`y`): where a phrase can begin. */
  sticky: RegExp;
  /**
   * Set when every phrase's opening is known: the family's number in the opening table, and the
   * openings that are searched for instead. Otherwise the whole text is searched.
   */
  openings?: { family: number; literals: LiteralOpening[] };
}

/** How a phrase can begin. */
type Opening =
  | { kind: 'word'; word: string }
  /** The first letters of a first word that runs on (`refinanc\w*`, `guarantee(d)?`). */
  | { kind: 'prefix'; prefix: string }
  /** A first word shorter than a prefix that runs on (`we.ll`, `e-?mail`). */
  | { kind: 'stem'; stem: string }
  | { kind: 'digit' }
  | { kind: 'literal'; literal: string };

/**
 * Families by what their phrases open with. Families join when compiled; a text indexed before
 * a family joined is indexed again (see TextIndex.families).
 */
const openingWords = new Map<string, number[]>();
const openingPrefixes = new Map<string, number[]>();
/** Stems by their first character, so a word costs one lookup however many stems there are. */
const openingStems = new Map<number, Array<{ family: number; stem: string }>>();
const openingDigits: number[] = [];
let families = 0;

function register(table: Map<string, number[]>, key: string, family: number): void {
  const listed = table.get(key);
  if (!listed) table.set(key, [family]);
  else if (listed[listed.length - 1] !== family) listed.push(family);
}

/** Index of the `]` that closes the character class opening at `start`, past escaped ones. */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** Index just past the group that opens at `start`, skipping escapes and character classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth += 1;
    else if (c === ')' && (depth -= 1) === 0) return i + 1;
  }
  return source.length;
}

/** The quantifier at `at`, if any: how many characters it takes and what it allows. */
function quantifierAt(
  source: string,
  at: number,
): { length: number; optional: boolean; repeated: boolean } {
  const c = source[at];
  let quantifier = { length: 0, optional: false, repeated: false };
  if (c === '?') quantifier = { length: 1, optional: true, repeated: false };
  else if (c === '*') quantifier = { length: 1, optional: true, repeated: true };
  else if (c === '+') quantifier = { length: 1, optional: false, repeated: true };
  else if (c === '{') {
    const bounds = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (bounds) {
      const least = Number(bounds[1]);
      const most = bounds[2] === undefined ? least : bounds[3] ? Number(bounds[3]) : Infinity;
      quantifier = { length: bounds[0].length, optional: least === 0, repeated: most > 1 };
    }
  }
  // A lazy quantifier (`+?`) matches the same places as a greedy one.
  if (quantifier.length > 0 && source[at + quantifier.length] === '?') quantifier.length += 1;
  return quantifier;
}

/** Top-level alternatives of a source (`a|b(c|d)` -> `a`, `b(c|d)`). */
function alternativesOf(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** The opening of a source that starts with plain characters or escaped punctuation. */
function literalOpening(source: string): Opening | undefined {
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!/[^\p{L}\p{N}]/u.test(next)) break;
      literal += next;
      i += 2;
    } else if (SYNTAX.includes(c)) break;
    else {
      literal += c;
      i += 1;
    }
  }
  // A quantifier makes the last character optional (`e-?mail`, `dont?`, `x{0,2}`); a character
  // beyond the Basic Multilingual Plane is two code units, dropped together.
  if ('?*{'.includes(source[i] ?? '_')) literal = Array.from(literal).slice(0, -1).join('');
  if (literal === '') return undefined;
  let wordEnd = 0;
  while (wordEnd < literal.length && isWordCode(literal.charCodeAt(wordEnd))) wordEnd += 1;
  if (wordEnd === 0) return { kind: 'literal', literal };
  const word = literal.slice(0, wordEnd);
  // The first word is whole when the phrase goes on with a character outside words or ends
  // there: a family's expression only lets a phrase end where a word ends.
  const whole =
    wordEnd < literal.length || i === source.length || /^\\s(?![?*{])/.test(source.slice(i, i + 3));
  if (whole) return { kind: 'word', word };
  return word.length >= PREFIX
    ? { kind: 'prefix', prefix: word.slice(0, PREFIX) }
    : { kind: 'stem', stem: word };
}

/**
 * Every way a phrase source can begin, or undefined when one of them is neither a literal nor a
 * digit (a character class, a look-around): `(a|b)c` begins as `ac` or `bc`, `(a)?b` as `ab` or `b`.
 */
function openingsOf(source: string): Opening[] | undefined {
  const alternatives = alternativesOf(source);
  if (alternatives.length > 1) {
    const openings = alternatives.map(openingsOf);
    return openings.every((o): o is Opening[] => o !== undefined) ? openings.flat() : undefined;
  }
  // A digit is a word letter, so a phrase that opens with one opens a word; an optional first
  // digit leaves the opening to what follows it, which is not worked out.
  if (source.startsWith('\\d'))
    return quantifierAt(source, 2).optional ? undefined : [{ kind: 'digit' }];
  if (!source.startsWith('(')) {
    const opening = literalOpening(source);
    return opening ? [opening] : undefined;
  }
  const end = groupEnd(source, 0);
  let inside = source.slice(1, end - 1);
  if (inside.startsWith('?')) {
    if (!inside.startsWith('?:')) return undefined;
    inside = inside.slice(2);
  }
  const { length, optional, repeated } = quantifierAt(source, end);
  const rest = source.slice(end + length);
  // `(a|b)+c` begins as `a(a|b)*c` or `b(a|b)*c` does: the group may run on after its first round.
  const again = repeated ? `(?:${inside})*` : '';
  const choices = alternativesOf(inside);
  // An empty alternative makes the group optional in a way not worked out here.
  if (choices.includes('')) return undefined;
  const sources = choices.map((choice) => choice + again + rest);
  if (optional) sources.push(rest);
  const openings: Opening[] = [];
  for (const each of sources) {
    const found = each === '' ? undefined : openingsOf(each);
    if (!found) return undefined;
    openings.push(...found);
  }
  return openings;
}

function join(openings: Opening[]): { family: number; literals: LiteralOpening[] } {
  const family = families;
  families += 1;
  const literals = new Map<string, LiteralOpening>();
  for (const opening of openings) {
    if (opening.kind === 'word') register(openingWords, opening.word, family);
    else if (opening.kind === 'prefix') register(openingPrefixes, opening.prefix, family);
    else if (opening.kind === 'digit') {
      if (openingDigits[openingDigits.length - 1] !== family) openingDigits.push(family);
    } else if (opening.kind === 'stem') {
      const initial = opening.stem.charCodeAt(0);
      const stems = openingStems.get(initial) ?? [];
      if (!stems.some((s) => s.family === family && s.stem === opening.stem))
        stems.push({ family, stem: opening.stem });
      openingStems.set(initial, stems);
    } else
      literals.set(opening.literal, {
        literal: opening.literal,
        ascii: !NON_ASCII.test(opening.literal),
      });
  }
  return { family, literals: [...literals.values()] };
}

/**
 * Compiles phrase sources (regular-expression fragments, lower case) into one matcher. Make
 * each matcher once (at load, or once per configuration): each one whose openings are known
 * joins the opening table for good.
 */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  // No look-behind for the word start: checked by hand, it would otherwise run at every position.
  const source = `(?:${phrases.join('|')})(?![${WORD}])`;
  const matcher: PhraseMatcher = {
    pattern: new RegExp(source, 'gu'),
    sticky: new RegExp(source, 'yu'),
  };
  const openings = phrases.map(openingsOf);
  if (openings.every((o): o is Opening[] => o !== undefined))
    matcher.openings = join(openings.flat());
  return matcher;
}

/** What one text offers every family, worked out once: the families of a message read one text in turn. */
interface TextIndex {
  text: string;
  /** How many families had joined when the text was read: one joining later needs it read again. */
  families: number;
  /** Word starts where each family can begin, ascending, by family number. */
  openings: Array<number[] | undefined>;
  /** Most mail is plain ASCII, which rules out every literal in another script at once. */
  ascii: boolean;
}

function note(openings: Array<number[] | undefined>, family: number, at: number): void {
  const positions = openings[family];
  if (!positions) openings[family] = [at];
  else if (positions[positions.length - 1] !== at) positions.push(at);
}

function noteAll(
  openings: Array<number[] | undefined>,
  listed: readonly number[] | undefined,
  at: number,
): void {
  if (listed) for (const family of listed) note(openings, family, at);
}

/** The body and its signature block alternate between rules, so both stay indexed. */
const recent: TextIndex[] = [];
const RECENT = 2;

function indexOf(text: string): TextIndex {
  for (const index of recent) if (index.text === text && index.families === families) return index;
  const openings: Array<number[] | undefined> = [];
  for (let start = 0; start < text.length;) {
    const initial = text.charCodeAt(start);
    if (!isWordCode(initial)) {
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end += 1;
    const word = text.slice(start, end);
    noteAll(openings, openingWords.get(word), start);
    if (word.length >= PREFIX) noteAll(openings, openingPrefixes.get(word.slice(0, PREFIX)), start);
    if (isDigitCode(initial)) noteAll(openings, openingDigits, start);
    for (const { family, stem } of openingStems.get(initial) ?? [])
      if (word.startsWith(stem)) note(openings, family, start);
    start = end;
  }
  const index = { text, families, openings, ascii: !NON_ASCII.test(text) };
  recent.unshift(index);
  recent.length = Math.min(recent.length, RECENT);
  return index;
}

/** Where the family's phrases can begin in the text, ascending. */
function openingPositions(
  { family, literals }: { family: number; literals: LiteralOpening[] },
  index: TextIndex,
): readonly number[] {
  const atWords = index.openings[family] ?? [];
  let found: number[] | undefined;
  for (const { literal, ascii } of literals) {
    if (index.ascii && !ascii) continue;
    for (let at = index.text.indexOf(literal); at !== -1; at = index.text.indexOf(literal, at + 1))
      (found ??= [...atWords]).push(at);
  }
  return found ? found.sort((a, b) => a - b) : atWords;
}

function startsInsideWord(text: string, at: number): boolean {
  return at > 0 && isWordCode(text.charCodeAt(at - 1));
}

/** Distinct phrases of `matcher` found in `text`, at most `limit`. */
export function findPhrases(matcher: PhraseMatcher, text: string, limit = 6): string[] {
  const found = new Set<string>();
  if (matcher.openings) {
    const { sticky } = matcher;
    // Matches do not overlap: after one, the search goes on from its end, as a global search does.
    let from = 0;
    for (const at of openingPositions(matcher.openings, indexOf(text))) {
      if (at < from || startsInsideWord(text, at)) continue;
      sticky.lastIndex = at;
      const match = sticky.exec(text);
      if (!match) continue;
      found.add(match[0].trim());
      if (found.size >= limit) break;
      from = at + Math.max(match[0].length, 1);
    }
    return [...found];
  }
  const { pattern } = matcher;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (startsInsideWord(text, match.index)) {
      // Started inside a word: try again from the next character, as the look-behind would.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    found.add(match[0].trim());
    if (found.size >= limit) break;
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return [...found];
}
