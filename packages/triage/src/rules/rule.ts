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

/** Compiles phrase sources (regular-expression fragments, lower case) into one matcher. */
export function phraseMatcher(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<![${WORD}])(?:${phrases.join('|')})(?![${WORD}])`, 'gu');
}

/** Distinct phrases of `pattern` found in `text`, at most `limit`. */
export function findPhrases(pattern: RegExp, text: string, limit = 6): string[] {
  const found = new Set<string>();
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
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
