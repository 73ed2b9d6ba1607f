import type { MessageFacts } from '../analysis/message-facts';
import type { Explanation, SignalClass } from '../triage.types';
import { findPhrases, phraseMatcher } from './phrase-matcher';

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

export interface PhraseRuleSpec {
  id: string;
  class: SignalClass;
  explanation: Explanation;
  /** Phrase sources by language, so gaps in coverage are visible. */
  phrases: Record<string, readonly string[]>;
  /** Distinct phrases needed before the signal fires (default 1). */
  minMatches?: number;
  /**
   * Longer phrases, by language, that hold a family phrase yet say something else (a buyer's
   * own forwarder is no forwarder's pitch): their words are not searched for the family.
   */
  excluding?: Record<string, readonly string[]>;
}

/** A content signal that fires on a family of phrases in any language and grows with more of them. */
export function phraseRule(spec: PhraseRuleSpec): TriageRule {
  const pattern = phraseMatcher(Object.values(spec.phrases).flat());
  const excluded = spec.excluding && phraseMatcher(Object.values(spec.excluding).flat());
  const min = spec.minMatches ?? 1;
  return {
    id: spec.id,
    class: spec.class,
    explanation: spec.explanation,
    evaluate(facts) {
      let text = facts.content;
      if (excluded)
        for (const phrase of findPhrases(excluded, text, Infinity))
          text = text.replaceAll(phrase, ' ');
      const found = findPhrases(pattern, text);
      if (found.length < min) return undefined;
      return {
        detail: found.slice(0, 3).join(', '),
        strength: Math.min(1 + 0.25 * (found.length - min), 1.75),
      };
    },
  };
}
