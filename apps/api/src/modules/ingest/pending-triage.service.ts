import { Injectable, Logger } from '@nestjs/common';
import type { NormalisedMessage } from '@inquiry/mail';
import type { ContactEntity } from '../../database/entities';
import { BlobStore } from '../../storage/blob-store';
import { TriageContextService } from '../triage/triage-context.service';
import { IngestRepository, type PendingInquiry } from './ingest.repository';
import {
  type InquiryAssessment,
  InquiryTriageService,
  triageColumns,
} from './inquiry-triage.service';
import { MessageParserPool } from './message-parser.pool';

/** Pending inquiries read per query, and triaged per transaction. */
const BATCH_SIZE = 100;
/** Messages parsed on the worker threads ahead of the one being triaged. */
const PARSE_AHEAD = 8;

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
      afterId = batch.at(-1)!.id;
      triaged += await this.triageBatch(batch);
      await checkpoint?.();
    }
  }

  /**
   * Triage itself goes in order on this thread while the next messages are read and parsed;
   * the batch's results are written in one transaction.
   */
  private async triageBatch(batch: PendingInquiry[]): Promise<number> {
    const reading = new Map<
      number,
      { raw: Promise<Buffer>; message: Promise<NormalisedMessage> }
    >();
    const read = (index: number) => {
      const pending = batch[index];
      if (!pending || reading.has(index)) return;
      const raw = this.blobs.get(pending.rawSha256);
      const message = raw.then((bytes) => this.parser.parse(bytes));
      // Awaited in turn below; until then a failure must not count as unhandled.
      raw.catch(() => undefined);
      message.catch(() => undefined);
      reading.set(index, { raw, message });
    };
    const assessed: Array<{ pending: PendingInquiry; assessment: InquiryAssessment }> = [];
    for (const [index, pending] of batch.entries()) {
      for (let ahead = index; ahead <= index + PARSE_AHEAD; ahead += 1) read(ahead);
      const { raw, message } = reading.get(index)!;
      reading.delete(index);
      await raw;
      const assessment = await this.assess(pending, message);
      if (assessment) assessed.push({ pending, assessment });
    }
    if (assessed.length === 0) return 0;

    const contacts = await this.repository.contactsById(
      assessed.flatMap(({ pending, assessment }) =>
        pending.contactId !== null && !assessment.relayed ? [pending.contactId] : [],
      ),
    );
    const triagedAt = new Date();
    return this.repository.transaction(async (manager) => {
      let saved = 0;
      const completed = new Map<number, Partial<Pick<ContactEntity, 'company' | 'country'>>>();
      for (const { pending, assessment } of assessed) {
        if (
          !(await this.repository.saveTriage(
            manager,
            pending.id,
            triageColumns(assessment, triagedAt),
          ))
        )
          continue;
        saved += 1;
        const contact = pending.contactId === null ? undefined : contacts.get(pending.contactId);
        if (!contact || assessment.relayed) continue;
        // Fields still empty, counting what an earlier inquiry of this batch filled in.
        const changes = completed.get(contact.id) ?? {};
        if (!contact.company && !changes.company && assessment.company)
          changes.company = assessment.company.slice(0, 500);
        if (!contact.country && !changes.country && assessment.country)
          changes.country = assessment.country;
        completed.set(contact.id, changes);
      }
      for (const [contactId, changes] of completed)
        if (Object.keys(changes).length > 0)
          await this.repository.fillContact(contactId, changes, manager);
      return saved;
    });
  }

  private async assess(
    pending: PendingInquiry,
    parsing: Promise<NormalisedMessage>,
  ): Promise<InquiryAssessment | undefined> {
    let message: NormalisedMessage;
    try {
      message = await parsing;
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
    return assessment;
  }

  private leavePending(pending: PendingInquiry, error: unknown): undefined {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.warn(`inquiry ${pending.id} left pending: triage failed: ${reason}`);
    return undefined;
  }
}
