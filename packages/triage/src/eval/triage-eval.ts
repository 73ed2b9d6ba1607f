import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { triage } from '../triage.engine';
import type { TriageConfig } from '../triage.config';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { loadTriageConfig } from '../triage-config.loader';
import type { RecentInquiry, TriageResult } from '../triage.types';
import type { LabelledMessage } from './corpus';
import { corporaRoot, loadInquiries, loadSpamAssassin } from './corpus';
import type { Outcome } from './eval-report';
import { formatReport } from './eval-report';

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
function runInOrder(parsed: Parsed[], config: TriageConfig, verbose: boolean): Outcome[] {
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
    const result: TriageResult = triage({ message }, { recentInquiries }, config);
    history.push({ fingerprint: result.fingerprint, sender: message.from?.address, receivedAt: message.date });
    outcomes.push({ file: item.file, label: item.label, predicted: result.verdict });
    if (verbose && (result.verdict === 'clean') !== (item.label === 'ham' || item.label === 'genuine')) {
      const top = result.signals.map((s) => `${s.id}(${s.weight})`).join(' ');
      process.stdout.write(`  ${item.file} ${item.label} -> ${result.verdict} ${JSON.stringify(result.scores)} ${top}\n`);
    }
  }
  return outcomes.sort((a, b) => a.file.localeCompare(b.file));
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = corporaRoot();
  process.stdout.write(`corpora: ${root}\n`);

  const sa = await parseAll(loadSpamAssassin(root));
  const saOutcomes = runInOrder(sa, DEFAULT_TRIAGE_CONFIG, verbose).map((o) => ({ ...o, predicted: o.predicted === 'error' ? 'clean' : o.predicted }));
  process.stdout.write(`${formatReport('spamassassin-dev, rules only, default configuration', saOutcomes, ['ham', 'spam'], ['clean', 'spam', 'scam', 'spy'], 'ham')}\n\n`);

  const inquiryConfig = loadTriageConfig(readFileSync(join(__dirname, '../../eval/qiaolanstone.config.json'), 'utf8'));
  const inquiries = await parseAll(loadInquiries(root));
  const inquiryOutcomes = runInOrder(inquiries, inquiryConfig, verbose);
  process.stdout.write(`${formatReport('inquiries-dev, rules only, exporter configuration eval/qiaolanstone.config.json', inquiryOutcomes, ['genuine', 'spam', 'scam', 'spy'], ['clean', 'spam', 'scam', 'spy', 'error'], 'genuine')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
