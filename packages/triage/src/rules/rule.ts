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
  /** The anchor's first whole word, looked up in the text's word set instead of scanning. */
  word?: string;
}

function toAnchor(literal: string): Anchor {
  const space = literal.indexOf(' ');
  const first = space > 0 ? literal.slice(0, space) : '';
  return /^[a-z0-9\u00c0-\u024f\u0400-\u04ff]+$/.test(first) ? { literal, word: first } : { literal };
}

/**
 * Words of the text last searched. All families of one message search the same text in turn,
 * so a single remembered entry avoids splitting it once per family.
 */
let lastText = '';
let lastWords = new Set<string>();

function wordsOf(text: string): Set<string> {
  if (text !== lastText) {
    lastText = text;
    lastWords = new Set(text.split(/[^a-z0-9\u00c0-\u024f\u0400-\u04ff]+/));
  }
  return lastWords;
}

function mayMatch(anchors: Anchor[], text: string): boolean {
  const words = wordsOf(text);
  return anchors.some((anchor) => (anchor.word ? words.has(anchor.word) && text.includes(anchor.literal) : text.includes(anchor.literal)));
}

/** The literal start of a phrase source that every match contains, if long enough to be selective. */
function literalStart(source: string): string | undefined {
  const literal = /^[^\\()[\]{}.?*+|^$]*/.exec(source)?.[0] ?? '';
  const next = source[literal.length];
  const mandatory = next === '?' || next === '*' || next === '{' ? literal.slice(0, -1) : literal;
  // Two CJK characters already make a word; Latin needs three letters to be worth a lookup.
  return mandatory.length >= 3 || (mandatory.length === 2 && /[\u2e80-\uffff]/.test(mandatory)) ? mandatory : undefined;
}

/**
 * Literals one of which every match of `source` contains: its literal start, or the literal
 * starts of the alternatives of a leading group such as `(registration|licence) fee`.
 */
function anchorsOf(source: string): string[] | undefined {
  const start = literalStart(source);
  if (start) return [start];
  const group = /^\(([^()]*)\)(.?)/.exec(source);
  if (!group) return undefined;
  if (group[2] === '?') return anchorsOf(source.slice(group[0].length));
  if (group[2] === '*') return undefined;
  const alternatives = group[1]!.split('|').map(literalStart);
  return alternatives.every((a): a is string => a !== undefined) ? alternatives : undefined;
}

/** Compiles phrase sources (regular-expression fragments, lower case) into one matcher. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const anchors = phrases.map(anchorsOf);
  return {
    pattern: new RegExp(`(?<![${WORD}])(?:${phrases.join('|')})(?![${WORD}])`, 'gu'),
    anchors: anchors.every((a): a is string[] => a !== undefined) ? [...new Set(anchors.flat())].map(toAnchor) : undefined,
  };
}

/** Distinct phrases of `matcher` found in `text`, at most `limit`. */
export function findPhrases(matcher: PhraseMatcher, text: string, limit = 6): string[] {
  if (matcher.anchors && !mayMatch(matcher.anchors, text)) return [];
  const found = new Set<string>();
  matcher.pattern.lastIndex = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    found.add(match[0].trim());
    if (found.size >= limit) break;
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
      return { detail: found.slice(0, 3).join(', '), strength: Math.min(1 + 0.25 * (found.length - min), 1.75) };
    },
  };
}
