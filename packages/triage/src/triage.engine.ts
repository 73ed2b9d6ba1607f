import { buildFacts } from './analysis/message-facts';
import { slaDueTime } from './analysis/sla';
import { TRIAGE_RULES } from './rules';
import { offerNotAsk } from './rules/spam-content.rules';
import type { TriageRule } from './rules';
import type { TriageConfig } from './triage.config';
import { DEFAULT_TRIAGE_CONFIG } from './triage.config';
import type {
  Signal,
  SuspicionClass,
  Tier,
  TriageContext,
  TriageInput,
  TriageResult,
  Verdict,
} from './triage.types';

const CLASSES: readonly SuspicionClass[] = ['scam', 'spy', 'spam'];

/** Points to a 0-100 score that saturates, so piling up weak signs never passes 100. */
function toScore(points: number, scale: number): number {
  return points <= 0 ? 0 : Math.round(100 * (1 - Math.exp(-points / scale)));
}

function pickTier(verdict: Verdict, signals: Signal[], config: TriageConfig): Tier {
  if (verdict !== 'clean') return 'D';
  const genuine = signals.filter((s) => s.class === 'genuine');
  const points = genuine.reduce((sum, s) => sum + s.weight, 0);
  const has = (id: string): boolean => genuine.some((s) => s.id === id);
  if (
    points >= config.scoring.tierA &&
    has('genuine.quantity') &&
    (has('genuine.product-spec') || has('genuine.incoterm'))
  )
    return 'A';
  return points >= config.scoring.tierB ? 'B' : 'C';
}

/** Runs the rules over one message. `rules` is replaceable so tests can run a single rule. */
export function triage(
  input: TriageInput,
  context: TriageContext = {},
  config: TriageConfig = DEFAULT_TRIAGE_CONFIG,
  rules: readonly TriageRule[] = TRIAGE_RULES,
): TriageResult {
  const facts = buildFacts(input.message, input.language ?? 'und', config, context);
  const signals: Signal[] = [];
  for (const rule of rules) {
    const hit = rule.evaluate(facts);
    if (!hit) continue;
    const weight = (config.weights[rule.id] ?? 0) * (hit.strength ?? 1);
    if (weight === 0) continue;
    signals.push({
      id: rule.id,
      class: rule.class,
      weight: Math.round(weight * 100) / 100,
      detail: hit.detail,
      explanation: rule.explanation,
    });
  }
  const { scale, learnedCleanDiscount, senderEvidence, thresholds } = config.scoring;
  const points: Record<SuspicionClass, number> = { spam: 0, scam: 0, spy: 0 };
  const aboutSender: Record<SuspicionClass, number> = { spam: 0, scam: 0, spy: 0 };
  let genuine = 0;
  let learnedClean = 0;
  for (const signal of signals) {
    if (signal.class !== 'genuine') {
      points[signal.class] += signal.weight;
      if (senderEvidence.includes(signal.id)) aboutSender[signal.class] += signal.weight;
    } else if (signal.id.startsWith('learned.')) learnedClean += signal.weight;
    else genuine += signal.weight;
  }
  // A sender who only offers and asks for nothing is describing their own goods: the trade terms
  // and sizes that mark a real buyer's request say nothing in their favour.
  const pitching = signals.some((s) => s.id === offerNotAsk.id);
  const genuineDiscount = { ...config.scoring.genuineDiscount, ...(pitching ? { spam: 0 } : {}) };
  const scores = { spam: 0, scam: 0, spy: 0 };
  for (const c of CLASSES) {
    const wording = points[c] - aboutSender[c];
    const offset = genuine * genuineDiscount[c] + learnedClean * learnedCleanDiscount;
    scores[c] = toScore(aboutSender[c] + Math.max(0, wording - offset), scale);
  }
  let verdict: Verdict = 'clean';
  for (const c of CLASSES) {
    if (scores[c] >= thresholds[c] && (verdict === 'clean' || scores[c] > scores[verdict]))
      verdict = c;
  }
  const tier = pickTier(verdict, signals, config);
  const receivedAt =
    context.now ?? input.message.received[0]?.date ?? input.message.date ?? new Date();
  return {
    verdict,
    scores,
    tier,
    slaDue: slaDueTime(tier, receivedAt, config.sla),
    suggestedAction: verdict === 'clean' ? 'reply' : verdict === 'scam' ? 'report' : 'reject',
    signals,
    origin: facts.origin,
    claimedCountries: facts.claimedCountries,
    marketplace: facts.marketplace?.fields,
    fingerprint: facts.fingerprint,
  };
}
