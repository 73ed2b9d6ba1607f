import type { SignalClass } from '../triage.types';
import type { TriageRule } from './rule';

/** Posterior from which the token model's opinion counts, and from which it counts more. */
const CONFIDENT = [0.9, 0.99, 0.999];

function strengthOf(p: number): number | undefined {
  if (p >= CONFIDENT[2]!) return 1.5;
  if (p >= CONFIDENT[1]!) return 1;
  return p >= CONFIDENT[0]! ? 0.5 : undefined;
}

function learnedRule(label: string, signalClass: SignalClass, en: string, zh: string): TriageRule {
  return {
    id: `learned.${label}-tokens`,
    class: signalClass,
    explanation: { en, zh },
    evaluate(facts) {
      const p = facts.tokenPosterior?.[label];
      const strength = p === undefined ? undefined : strengthOf(p);
      return strength ? { detail: `token model: P(${label}) = ${p!.toFixed(4)}`, strength } : undefined;
    },
  };
}

export const learnedRules: TriageRule[] = [
  learnedRule('spam', 'spam', 'Its wording is close to messages your team marked as spam before.', '其用词与团队此前标记为垃圾邮件的邮件相似。'),
  learnedRule('scam', 'scam', 'Its wording is close to messages your team marked as scams before.', '其用词与团队此前标记为诈骗的邮件相似。'),
  learnedRule('spy', 'spy', 'Its wording is close to messages your team marked as competitor probes before.', '其用词与团队此前标记为同行套价的邮件相似。'),
  learnedRule('clean', 'genuine', 'Its wording is close to messages your team handled as real inquiries before.', '其用词与团队此前确认为真实询盘的邮件相似。'),
];
