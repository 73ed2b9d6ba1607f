import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { triage } from '../triage.engine';
import type { TriageConfig } from '../triage.config';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { loadTriageConfig } from '../triage-config.loader';
import type { TokenModel } from '../learning/token-model';
import { pruneTokenModel, trainTokenModel } from '../learning/token-model';
import { SHIPPED_PRUNING, shippedTokenModel, trainingOverlap } from '../learning/shipped-model';
import type { RecentInquiry, TriageResult } from '../triage.types';
import type { LabelledMessage } from './corpus';
import { corporaRoot, loadInquiries, loadSpamAssassin, modelClass } from './corpus';
import type { Outcome } from './eval-report';
import { formatReport } from './eval-report';
import { buyerLanguage } from '../analysis/buyer-language';

/** How long a fingerprint stays in the recent-inquiry history the engine compares against. */
const HISTORY_DAYS = 14;

interface Parsed {
  item: LabelledMessage;
  message?: NormalisedMessage;
}

async function parseAll(items: LabelledMessage[]): Promise<Parsed[]> {
  const out: Parsed[] = [];
  for (const item of items) {
    try {
      out.push({ item, message: await parseMessage(item.raw) });
    } catch {
      out.push({ item });
    }
  }
  return out;
}

/**
 * Triage in arrival order, each message seeing the fingerprints of those that arrived in the
 * previous days, as the service does with its stored history.
 */
function runInOrder(
  parsed: Parsed[],
  config: TriageConfig,
  verbose: boolean,
  modelFor: (file: string) => TokenModel | null,
): Outcome[] {
  const ordered = [...parsed].sort(
    (a, b) => (a.message?.date?.getTime() ?? 0) - (b.message?.date?.getTime() ?? 0),
  );
  const history: RecentInquiry[] = [];
  const outcomes: Outcome[] = [];
  for (const { item, message } of ordered) {
    if (!message) {
      outcomes.push({ file: item.file, label: item.label, predicted: 'error' });
      continue;
    }
    const at = message.date?.getTime() ?? 0;
    const recentInquiries = history.filter(
      (h) => at - (h.receivedAt?.getTime() ?? 0) <= HISTORY_DAYS * 86_400_000,
    );
    const result: TriageResult = triage(
      { message, language: buyerLanguage(message, config) },
      { recentInquiries, tokenModel: modelFor(item.file) },
      config,
    );
    history.push({
      fingerprint: result.fingerprint,
      sender: message.from?.address,
      receivedAt: message.date,
    });
    outcomes.push({ file: item.file, label: item.label, predicted: result.verdict });
    if (
      verbose &&
      (result.verdict === 'clean') !== (item.label === 'ham' || item.label === 'genuine')
    ) {
      const top = result.signals.map((s) => `${s.id}(${s.weight})`).join(' ');
      process.stdout.write(
        `  ${item.file} ${item.label} -> ${result.verdict} ${JSON.stringify(result.scores)} ${top}\n`,
      );
    }
  }
  return outcomes.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * K-fold cross-validation of the shipped model's recipe: each message is judged by a model
 * trained, and pruned, as `npm run train` does, on the other folds plus every message of
 * `others` (the other corpus), so no figure comes from a message the model has seen. Folds are
 * stratified by label.
 */
function crossValidatedModels(
  parsed: Parsed[],
  folds: number,
  others: Parsed[],
): (file: string) => TokenModel {
  const foldOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const { item } of [...parsed].sort((a, b) => a.item.file.localeCompare(b.item.file))) {
    const n = seen.get(item.label) ?? 0;
    seen.set(item.label, n + 1);
    foldOf.set(item.file, n % folds);
  }
  const examples = (items: Parsed[]): Array<{ message: NormalisedMessage; label: string }> =>
    items.flatMap(({ item, message }) =>
      message ? [{ message, label: modelClass(item.label) }] : [],
    );
  const models: TokenModel[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = [
      ...examples(parsed.filter((p) => foldOf.get(p.item.file) !== fold)),
      ...examples(others),
    ];
    models.push(pruneTokenModel(trainTokenModel(training), SHIPPED_PRUNING));
  }
  return (file) => models[foldOf.get(file)!]!;
}

const RULES_ONLY = (): null => null;
const RECIPE = 'the shipped recipe on the other folds + the other corpus';

/**
 * Says whether a corpus overlaps the shipped model's training data: if it does, figures with
 * that model are in-sample; on a corpus it never saw, they are the out-of-sample figure.
 */
function overlapNote(model: TokenModel, parsed: Parsed[]): string {
  const overlap = trainingOverlap(
    model,
    parsed.map((p) => p.item.raw),
  );
  const trainedOn = `trained on ${model.trainedOn?.sources.join(' + ') ?? 'an unrecorded set'}, ${model.trainedOn?.messages ?? '?'} messages`;
  return overlap === 0
    ? `shipped model ${trainedOn}; none of these ${parsed.length} messages is among them: out-of-sample`
    : `shipped model ${trainedOn}; ${overlap} of these ${parsed.length} messages are among them: IN-SAMPLE, not a measure of generalisation`;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = corporaRoot();
  const shipped = shippedTokenModel();
  const asSpamAssassin = (o: Outcome): Outcome => ({
    ...o,
    predicted: o.predicted === 'error' ? 'clean' : o.predicted,
  });
  const saLabels = ['ham', 'spam'];
  const saPredictions = ['clean', 'spam', 'scam', 'spy'];
  process.stdout.write(`corpora: ${root}\n`);

  const sa = await parseAll(loadSpamAssassin(root));
  const saOutcomes = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose, RULES_ONLY).map(asSpamAssassin);
  process.stdout.write(
    `${formatReport('spamassassin-dev, rules only, default configuration', saOutcomes, saLabels, saPredictions, 'ham')}\n\n`,
  );
  const inquiries = await parseAll(loadInquiries(root));
  const saModels = crossValidatedModels(sa, 10, inquiries);
  const saLearned = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose, saModels).map(asSpamAssassin);
  process.stdout.write(
    `${formatReport(`spamassassin-dev, rules + token model (10-fold cross-validation: ${RECIPE})`, saLearned, saLabels, saPredictions, 'ham')}\n\n`,
  );
  const saShipped = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose, () => shipped).map(
    asSpamAssassin,
  );
  process.stdout.write(
    `${formatReport('spamassassin-dev, rules + shipped model (the default)', saShipped, saLabels, saPredictions, 'ham')}\n${overlapNote(shipped, sa)}\n\n`,
  );

  const inquiryConfig = loadTriageConfig(
    readFileSync(join(__dirname, '../../eval/qiaolanstone.config.json'), 'utf8'),
  );
  const inquiryLabels = ['genuine', 'spam', 'scam', 'spy'];
  const inquiryPredictions = ['clean', 'spam', 'scam', 'spy', 'error'];
  const inquiryOutcomes = runInOrder(inquiries, inquiryConfig, verbose, RULES_ONLY);
  process.stdout.write(
    `${formatReport('inquiries-dev, rules only, exporter configuration eval/qiaolanstone.config.json', inquiryOutcomes, inquiryLabels, inquiryPredictions, 'genuine')}\n\n`,
  );
  const inquiryModels = crossValidatedModels(inquiries, 5, sa);
  const inquiryLearned = runInOrder(inquiries, inquiryConfig, verbose, inquiryModels);
  process.stdout.write(
    `${formatReport(`inquiries-dev, rules + token model (5-fold cross-validation: ${RECIPE})`, inquiryLearned, inquiryLabels, inquiryPredictions, 'genuine')}\n\n`,
  );
  const inquiryShipped = runInOrder(inquiries, inquiryConfig, verbose, () => shipped);
  process.stdout.write(
    `${formatReport('inquiries-dev, rules + shipped model (the default)', inquiryShipped, inquiryLabels, inquiryPredictions, 'genuine')}\n${overlapNote(shipped, inquiries)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
