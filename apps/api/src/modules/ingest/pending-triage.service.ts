import { Injectable, Logger } from '@nestjs/common';
import type { NormalisedMessage } from '@inquiry/mail';
import { BlobStore } from '../../storage/blob-store';
import { TriageContextService } from '../triage/triage-context.service';
import { IngestRepository, type PendingInquiry } from './ingest.repository';
import {
  type InquiryAssessment,
  InquiryTriageService,
  triageColumns,
} from './inquiry-triage.service';
import { MessageParserPool } from './message-parser.pool';

/** Pending inquiries read per query. */
const BATCH_SIZE = 100;

/**
 * Triages the inquiries that sync stored untriaged, in the order they were stored (so
 * near-duplicate floods are seen as they arrived). Each is written once: the update only
 * matches an inquiry still pending. Run by whoever holds the mailbox's lease, so two workers
 * do not triage the same mailbox side by side.
 */
@Injectable()
export class PendingTriageService {
  private readonly logger = new Logger(PendingTriageService.name);

  constructor(
    private readonly repository: IngestRepository,
    private readonly blobs: BlobStore,
    private readonly triage: InquiryTriageService,
    private readonly context: TriageContextService,
    private readonly parser: MessageParserPool,
  ) {}

  /**
   * Triages every pending inquiry of the mailbox; `checkpoint` runs between batches and may
   * throw to stop. Returns how many were triaged. Database and disk errors propagate (the
   * caller retries); a message that triage itself cannot handle stays pending, logged.
   */
  async triagePending(mailboxId: number, checkpoint?: () => Promise<void>): Promise<number> {
    let triaged = 0;
    for (let afterId = 0; ;) {
      const batch = await this.repository.pendingInquiries(mailboxId, afterId, BATCH_SIZE);
      if (batch.length === 0) return triaged;
      for (const pending of batch) {
        afterId = pending.id;
        if (await this.triageOne(pending)) triaged += 1;
      }
      await checkpoint?.();
    }
  }

  private async triageOne(pending: PendingInquiry): Promise<boolean> {
    const raw = await this.blobs.get(pending.rawSha256);
    let message: NormalisedMessage;
    try {
      message = await this.parser.parse(raw);
    } catch (error) {
      return this.leavePending(pending, error);
    }
    const context = await this.context.forMessage(message, pending.receivedAt, pending.id);
    let assessment: InquiryAssessment;
    try {
      assessment = this.triage.assess(message, pending.receivedAt, context);
    } catch (error) {
      return this.leavePending(pending, error);
    }
    this.context.remember({
      inquiryId: pending.id,
      fingerprint: assessment.fingerprint,
      sender: message.from?.address,
      receivedAt: pending.receivedAt,
    });
    if (!(await this.repository.saveTriage(pending.id, triageColumns(assessment, new Date()))))
      return false;
    if (pending.contactId !== null && !assessment.relayed) {
      await this.repository.completeContact(pending.contactId, {
        company: assessment.company,
        country: assessment.country,
      });
    }
    return true;
  }

  private leavePending(pending: PendingInquiry, error: unknown): false {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.warn(`inquiry ${pending.id} left pending: triage failed: ${reason}`);
    return false;
  }
}
