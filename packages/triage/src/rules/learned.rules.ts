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
      return strength
        ? { detail: `token model: P(${label}) = ${p!.toFixed(4)}`, strength }
        : undefined;
    },
  };
}

export const learnedRules: TriageRule[] = [
  learnedRule(
    'spam',
    'spam',
    'Its wording is close to known spam: the built-in examples and the mail your team marked as spam.',
    '其用词与已知垃圾邮件相似：内置样本及团队标记为垃圾邮件的邮件。',
  ),
  learnedRule(
    'scam',
    'scam',
    'Its wording is close to known scams: the built-in examples and the mail your team marked as scams.',
    '其用词与已知诈骗邮件相似：内置样本及团队标记为诈骗的邮件。',
  ),
  learnedRule(
    'spy',
    'spy',
    'Its wording is close to known competitor probes: the built-in examples and the mail your team marked so.',
    '其用词与已知同行套价询盘相似：内置样本及团队如此标记的邮件。',
  ),
  learnedRule(
    'clean',
    'genuine',
    'Its wording is close to real inquiries: the built-in examples and the mail your team answered or confirmed.',
    '其用词与真实询盘相似：内置样本及团队已回复或确认的邮件。',
  ),
];
