import type { MessageFacts } from '../analysis/message-facts';
import type { Explanation, SignalClass } from '../triage.types';

export interface RuleHit {
  detail: string;
  /** Multiplies the configured weight: more matches of one family count a little more. */
  strength?: number;
}

/** One signal: an id (its weight lives in the configuration), the class it speaks for, and its test. */
export interface TriageRule {
  id: string;
  class: SignalClass;
  explanation: Explanation;
  evaluate(facts: MessageFacts): RuleHit | undefined;
}

/** Letters that make a word: a phrase must not start or end inside a Latin or Cyrillic word. */
const WORD = 'a-z0-9\\u00c0-\\u024f\\u0400-\\u04ff';
const WORD_CHAR = new RegExp(`[${WORD}]`);
const WORD_SPLIT = new RegExp(`[^${WORD}]+`);
const WHOLE_WORD = new RegExp(`^[${WORD}]+$`);
const NON_ASCII = /[\u0080-\uffff]/;
/** Length from which a literal is rare enough in ordinary text to decide alone whether to search. */
const SELECTIVE = 6;
/** Letters of a word that index it: enough to be selective, short enough for stems (`capacit`). */
const PREFIX = 4;

/** A compiled phrase family: one regular expression, and literal anchors that must occur first. */
export interface PhraseMatcher {
  pattern: RegExp;
  /**
   * Literals at least one of which every match contains; undefined when some phrase has none, so
   * the expression must always run. Checking anchors first skips most families in most messages.
   */
  anchors?: Anchor[];
}

interface Anchor {
  literal: string;
  /** Whether the literal is plain ASCII: one that is not cannot occur in an all-ASCII text. */
  ascii: boolean;
  /** The anchor's first word when it is complete, looked up in the text's word set. */
  word: string | undefined;
  /** The first letters of a first word that may run on (`price` in `price ?list`). */
  prefix: string | undefined;
  /** Neighbouring ASCII characters of the literal, as indexes into a text's `pairs`. */
  pairs: number[];
}

/** Index of two neighbouring ASCII characters in a pair table. */
function pairIndex(first: number, second: number): number {
  return (first << 7) | second;
}

/** Neighbouring ASCII character pairs of a literal; pairs with other characters are left out. */
function asciiPairs(literal: string): number[] {
  const pairs: number[] = [];
  for (let i = 1; i < literal.length; i += 1) {
    const first = literal.charCodeAt(i - 1);
    const second = literal.charCodeAt(i);
    if (first < 128 && second < 128) pairs.push(pairIndex(first, second));
  }
  return pairs;
}

/**
 * Every anchor has every field, in one order: the matcher loop then reads them from objects of
 * a single shape, which the engine handles far faster than a mix of shapes.
 */
function literalAnchor(literal: string, word?: string, prefix?: string): Anchor {
  return { literal, ascii: !NON_ASCII.test(literal), word, prefix, pairs: asciiPairs(literal) };
}

function toAnchor(literal: string, complete: boolean): Anchor {
  const space = literal.indexOf(' ');
  const first = space > 0 ? literal.slice(0, space) : literal;
  if (!WHOLE_WORD.test(first)) return literalAnchor(literal);
  if (space > 0 || complete) return literalAnchor(literal, first);
  return first.length >= PREFIX
    ? literalAnchor(literal, undefined, first.slice(0, PREFIX))
    : literalAnchor(literal);
}

/** The words of one text and their first letters, built once for all families searching it. */
interface TextIndex {
  words: Set<string>;
  prefixes: Set<string>;
  /** Most mail is plain ASCII, which rules out every anchor in another script at once. */
  ascii: boolean;
  /**
   * Which neighbouring ASCII character pairs occur in the text (1 = present). A literal with a
   * pair the text lacks cannot occur in it, which spares most searches through the whole text.
   */
  pairs: Uint8Array;
}

/** Families of one message search the same text in turn, so one remembered index serves them all. */
let lastText = '';
let lastIndex: TextIndex = {
  words: new Set(),
  prefixes: new Set(),
  ascii: true,
  pairs: new Uint8Array(128 * 128),
};

function indexOf(text: string): TextIndex {
  if (text !== lastText) {
    lastText = text;
    const words = new Set(text.split(WORD_SPLIT));
    const prefixes = new Set<string>();
    for (const word of words) if (word.length >= PREFIX) prefixes.add(word.slice(0, PREFIX));
    // Only the last text's index is ever read, so its pair table is reused rather than reallocated.
    const { pairs } = lastIndex;
    pairs.fill(0);
    for (let i = 1; i < text.length; i += 1) {
      const first = text.charCodeAt(i - 1);
      const second = text.charCodeAt(i);
      if (first < 128 && second < 128) pairs[pairIndex(first, second)] = 1;
    }
    lastIndex = { words, prefixes, ascii: !NON_ASCII.test(text), pairs };
  }
  return lastIndex;
}

function hasPairs(table: Uint8Array, pairs: readonly number[]): boolean {
  for (const pair of pairs) if (table[pair] === 0) return false;
  return true;
}

function mayMatch(anchors: Anchor[], text: string): boolean {
  const { words, prefixes, ascii, pairs } = indexOf(text);
  // A plain loop: this runs for every anchor of every family on every message.
  for (const anchor of anchors) {
    if (ascii && !anchor.ascii) continue;
    if (
      anchor.word !== undefined
        ? !words.has(anchor.word)
        : anchor.prefix !== undefined && !prefixes.has(anchor.prefix)
    )
      continue;
    if (!hasPairs(pairs, anchor.pairs)) continue;
    if (text.includes(anchor.literal)) return true;
  }
  return false;
}

/** The literal start of a phrase source that every match contains, if long enough to be selective. */
function literalStart(source: string): { literal: string; complete: boolean } | undefined {
  const literal = /^[^\\()[\]{}.?*+|^$]*/.exec(source)?.[0] ?? '';
  const next = source[literal.length];
  const mandatory = next === '?' || next === '*' || next === '{' ? literal.slice(0, -1) : literal;
  // A whole phrase (`ltd`, `ag`) is a whole word; otherwise two CJK characters or three letters.
  if (mandatory.length === source.length && mandatory.length >= 2)
    return { literal: mandatory, complete: true };
  return mandatory.length >= 3 || (mandatory.length === 2 && /[\u2e80-\uffff]/.test(mandatory))
    ? { literal: mandatory, complete: false }
    : undefined;
}

/** Index just past the group that opens at `start`, skipping escapes and character classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') i = source.indexOf(']', i + 1);
    else if (c === '(') depth += 1;
    else if (c === ')' && (depth -= 1) === 0) return i + 1;
    if (i < 0) break;
  }
  return source.length;
}

/**
 * The longest run of plain characters that every match of `source` contains somewhere, for
 * phrases that open with a digit, a class or an irregular group (`re-?enter`, `\\.cn`).
 */
function longestLiteral(source: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const close = (): void => {
    runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '|') return undefined;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i += 1;
      if (/[.$/\\()[\]{}?*+|^-]/.test(next)) run += next;
      else close();
    } else if (c === '(') {
      close();
      i = groupEnd(source, i) - 1;
    } else if (c === '[') {
      close();
      i = source.indexOf(']', i + 1);
      if (i < 0) return undefined;
    } else if (c === '?' || c === '*' || c === '{') {
      run = run.slice(0, -1);
      close();
      if (c === '{') i = source.indexOf('}', i);
      if (i < 0) return undefined;
    } else if (c === '+' || c === '.' || c === '^' || c === '$') {
      close();
    } else {
      run += c;
    }
  }
  close();
  const best = runs.map((r) => r.trim()).reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= 4 || (best.length >= 2 && /[\u2e80-\uffff]/.test(best)) ? best : undefined;
}

/**
 * Literals one of which every match of `source` contains: its literal start, the literal starts
 * of the alternatives of a leading group such as `(registration|licence) fee`, or else the
 * longest plain run anywhere in it.
 */
function anchorsOf(source: string): Anchor[] | undefined {
  const inside = longestLiteral(source);
  const start = literalStart(source);
  // A long run inside (`your company` -> ` registration fee`) is rarer than a short opening word.
  if (start && (start.literal.length >= SELECTIVE || (inside?.length ?? 0) < SELECTIVE))
    return [toAnchor(start.literal, start.complete)];
  if (inside !== undefined && inside.length >= SELECTIVE) return [literalAnchor(inside)];
  const group = /^\(([^()]*)\)(.?)/.exec(source);
  if (group && group[2] === '?') return anchorsOf(source.slice(group[0].length));
  const alternatives = group && group[2] !== '*' ? group[1]!.split('|').map(literalStart) : [];
  // An alternative that ends the group runs on into what follows, so its last word is not complete.
  if (alternatives.length > 0 && alternatives.every((a) => a !== undefined))
    return alternatives.map((a) => toAnchor(a.literal, false));
  return inside === undefined ? undefined : [literalAnchor(inside)];
}

/** Compiles phrase sources (regular-expression fragments, lower case) into one matcher. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const anchors = phrases.map(anchorsOf);
  return {
    // No look-behind for the word start: checked by hand, it would otherwise run at every position.
    pattern: new RegExp(`(?:${phrases.join('|')})(?![${WORD}])`, 'gu'),
    anchors: anchors.every((a): a is Anchor[] => a !== undefined) ? anchors.flat() : undefined,
  };
}

/** Distinct phrases of `matcher` found in `text`, at most `limit`. */
export function findPhrases(matcher: PhraseMatcher, text: string, limit = 6): string[] {
  if (matcher.anchors && !mayMatch(matcher.anchors, text)) return [];
  const found = new Set<string>();
  const { pattern } = matcher;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > 0 && WORD_CHAR.test(text[match.index - 1]!)) {
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

export interface PhraseRuleSpec {
  id: string;
  class: SignalClass;
  explanation: Explanation;
  /** Phrase sources by language, so gaps in coverage are visible. */
  phrases: Record<string, readonly string[]>;
  /** Distinct phrases needed before the signal fires (default 1). */
  minMatches?: number;
}

/** A content signal that fires on a family of phrases in any language and grows with more of them. */
export function phraseRule(spec: PhraseRuleSpec): TriageRule {
  const pattern = phraseMatcher(Object.values(spec.phrases).flat());
  const min = spec.minMatches ?? 1;
  return {
    id: spec.id,
    class: spec.class,
    explanation: spec.explanation,
    evaluate(facts) {
      const found = findPhrases(pattern, facts.content);
      if (found.length < min) return undefined;
      return {
        detail: found.slice(0, 3).join(', '),
        strength: Math.min(1 + 0.25 * (found.length - min), 1.75),
      };
    },
  };
}
