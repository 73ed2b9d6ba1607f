import { Injectable } from '@nestjs/common';
import type { NormalisedMessage } from '@inquiry/mail';
import type { TriageContext } from '@inquiry/triage';
import { AppConfig } from '../../config/app-config';
import { messageIdKey, normaliseMessageId } from '../ingest/dedup-key';
import { RecentInquiriesWindow } from './recent-inquiries.window';
import { TokenModelService } from './token-model.service';
import { TriageRepository } from './triage.repository';

/** Most inquiries one message is compared with: a week of a busy sales inbox. */
const HISTORY_LIMIT = 2_000;
/** Other workers' inquiries show up after at most this long; this process's at once. */
const HISTORY_MAX_AGE_MS = 30_000;
/** A References header can list a whole thread; the newest ids are the ones that matter. */
const MAX_REFERENCES = 50;

/**
 * What triage knows beyond the message itself: earlier inquiries' fingerprints (near-duplicate
 * floods), our own sent Message-IDs this one refers to (an existing conversation) and the token
 * model learned from the team's verdicts.
 */
@Injectable()
export class TriageContextService {
  private window?: RecentInquiriesWindow;
  private loading?: Promise<RecentInquiriesWindow>;

  constructor(
    private readonly repository: TriageRepository,
    private readonly models: TokenModelService,
    private readonly appConfig: AppConfig,
  ) {}

  /** Context for a message received at `receivedAt`; a stored inquiry is not its own duplicate. */
  async forMessage(
    message: NormalisedMessage,
    receivedAt: Date,
    inquiryId?: number,
  ): Promise<TriageContext> {
    const [window, ourMessageIds, tokenModel] = await Promise.all([
      this.windowFor(receivedAt),
      this.ourMessageIds(message),
      this.models.current(),
    ]);
    return {
      recentInquiries: window.recent(receivedAt, this.appConfig.triageHistoryDays, inquiryId),
      ourMessageIds,
      tokenModel,
    };
  }

  /** Makes a just-triaged message visible to the next one without waiting for a reload. */
  remember(entry: {
    inquiryId?: number;
    fingerprint: string;
    sender?: string;
    receivedAt: Date;
  }): void {
    this.window?.add(entry);
  }

  private async windowFor(at: Date): Promise<RecentInquiriesWindow> {
    const days = this.appConfig.triageHistoryDays;
    if (this.window?.covers(at, days, Date.now(), HISTORY_MAX_AGE_MS)) return this.window;
    const pending = this.loading;
    if (pending) {
      const loaded = await pending;
      if (loaded.covers(at, days, Date.now(), HISTORY_MAX_AGE_MS)) return loaded;
    }
    const load = (async () => {
      const { from, to } = RecentInquiriesWindow.span(at, days);
      const loadedAt = Date.now();
      const rows = await this.repository.history(from, to, HISTORY_LIMIT);
      return RecentInquiriesWindow.loaded(at, days, rows, HISTORY_LIMIT, loadedAt);
    })();
    this.loading = load;
    try {
      this.window = await load;
      return this.window;
    } finally {
      if (this.loading === load) this.loading = undefined;
    }
  }

  private async ourMessageIds(message: NormalisedMessage): Promise<string[]> {
    const byKey = new Map<string, string>();
    for (const raw of [message.inReplyTo, ...message.references.slice(-MAX_REFERENCES)]) {
      const id = normaliseMessageId(raw);
      if (id !== undefined && raw !== undefined) byKey.set(messageIdKey(id), raw);
    }
    const ours = new Set(
      (await this.repository.outgoingMessageIds([...byKey.keys()])).map((id) => messageIdKey(id)),
    );
    return [...byKey].filter(([key]) => ours.has(key)).map(([, raw]) => raw);
  }
}
