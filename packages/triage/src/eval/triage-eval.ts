import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { triage } from '../triage.engine';
import type { TriageConfig } from '../triage.config';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { loadTriageConfig } from '../triage-config.loader';
import type { TokenModel } from '../learning/token-model';
import { trainTokenModel } from '../learning/token-model';
import type { RecentInquiry, TriageResult } from '../triage.types';
import type { LabelledMessage } from './corpus';
import { corporaRoot, loadInquiries, loadSpamAssassin } from './corpus';
import type { Outcome } from './eval-report';
import { formatReport } from './eval-report';
import { languageOf } from './language';

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
function runInOrder(parsed: Parsed[], config: TriageConfig, verbose: boolean, modelFor?: (file: string) => TokenModel): Outcome[] {
  const ordered = [...parsed].sort((a, b) => (a.message?.date?.getTime() ?? 0) - (b.message?.date?.getTime() ?? 0));
  const history: RecentInquiry[] = [];
  const outcomes: Outcome[] = [];
  for (const { item, message } of ordered) {
    if (!message) {
      outcomes.push({ file: item.file, label: item.label, predicted: 'error' });
      continue;
    }
    const at = message.date?.getTime() ?? 0;
    const recentInquiries = history.filter((h) => at - (h.receivedAt?.getTime() ?? 0) <= HISTORY_DAYS * 86_400_000);
    const result: TriageResult = triage({ message, language: languageOf(message, config) }, { recentInquiries, tokenModel: modelFor?.(item.file) }, config);
    history.push({ fingerprint: result.fingerprint, sender: message.from?.address, receivedAt: message.date });
    outcomes.push({ file: item.file, label: item.label, predicted: result.verdict });
    if (verbose && (result.verdict === 'clean') !== (item.label === 'ham' || item.label === 'genuine')) {
      const top = result.signals.map((s) => `${s.id}(${s.weight})`).join(' ');
      process.stdout.write(`  ${item.file} ${item.label} -> ${result.verdict} ${JSON.stringify(result.scores)} ${top}\n`);
    }
  }
  return outcomes.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * K-fold cross-validation of the token model: each message is judged by a model trained on the
 * other folds only, so no figure comes from a message the model has seen. Folds are stratified.
 */
function crossValidatedModels(parsed: Parsed[], folds: number, labelOf: (label: string) => string): (file: string) => TokenModel {
  const foldOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const { item } of [...parsed].sort((a, b) => a.item.file.localeCompare(b.item.file))) {
    const n = seen.get(item.label) ?? 0;
    seen.set(item.label, n + 1);
    foldOf.set(item.file, n % folds);
  }
  const models: TokenModel[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = parsed.filter((p) => p.message && foldOf.get(p.item.file) !== fold);
    models.push(trainTokenModel(training.map((p) => ({ message: p.message!, label: labelOf(p.item.label) }))));
  }
  return (file) => models[foldOf.get(file)!]!;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = corporaRoot();
  process.stdout.write(`corpora: ${root}\n`);

  const sa = await parseAll(loadSpamAssassin(root));
  const saOutcomes = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose).map((o) => ({ ...o, predicted: o.predicted === 'error' ? 'clean' : o.predicted }));
  process.stdout.write(`${formatReport('spamassassin-dev, rules only, default configuration', saOutcomes, ['ham', 'spam'], ['clean', 'spam', 'scam', 'spy'], 'ham')}\n\n`);
  const saModels = crossValidatedModels(sa, 10, (label) => (label === 'ham' ? 'clean' : 'spam'));
  const saLearned = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose, saModels).map((o) => ({ ...o, predicted: o.predicted === 'error' ? 'clean' : o.predicted }));
  process.stdout.write(`${formatReport('spamassassin-dev, rules + token model (10-fold cross-validation)', saLearned, ['ham', 'spam'], ['clean', 'spam', 'scam', 'spy'], 'ham')}\n\n`);

  const inquiryConfig = loadTriageConfig(readFileSync(join(__dirname, '../../eval/qiaolanstone.config.json'), 'utf8'));
  const inquiries = await parseAll(loadInquiries(root));
  const inquiryOutcomes = runInOrder(inquiries, inquiryConfig, verbose);
  const inquiryLabels = ['genuine', 'spam', 'scam', 'spy'];
  const inquiryPredictions = ['clean', 'spam', 'scam', 'spy', 'error'];
  process.stdout.write(`${formatReport('inquiries-dev, rules only, exporter configuration eval/qiaolanstone.config.json', inquiryOutcomes, inquiryLabels, inquiryPredictions, 'genuine')}\n\n`);
  const inquiryModels = crossValidatedModels(inquiries, 5, (label) => (label === 'genuine' ? 'clean' : label));
  const inquiryLearned = runInOrder(inquiries, inquiryConfig, verbose, inquiryModels);
  process.stdout.write(`${formatReport('inquiries-dev, rules + token model (5-fold cross-validation)', inquiryLearned, inquiryLabels, inquiryPredictions, 'genuine')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
