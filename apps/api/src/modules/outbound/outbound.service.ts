import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { localeDirection } from '@inquiry/templates';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { DraftEntity, MailboxEntity, OutboundMessageEntity } from '../../database/entities';
import { isUniqueViolation } from '../../database/unique-violation';
import { BlobStore } from '../../storage/blob-store';
import { DraftsService } from '../drafts/drafts.service';
import type { InquiryForReply } from '../drafts/drafts.repository';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import type { IngestOrigin } from '../ingest/ingest.types';
import { MessageIngestService } from '../ingest/message-ingest.service';
import { describeError, MailTransport, type SentCopy } from './mail-transport';
import type { OutboundListDto, OutboundResponseDto } from './outbound.dto';
import { OutboundRepository } from './outbound.repository';
import { composeReply } from './reply-mime.composer';
import { recipientKey, replyRecipient } from '../drafts/reply-recipient';

/** A send still "in progress" after this long was cut off (the process died mid-send). */
const INTERRUPTED_AFTER_MS = 10 * 60_000;
/** A delivered message left unfinished is taken up again once nobody touched it for this long. */
const RETRY_IDLE_MS = 60_000;
/** Printable ASCII without spaces, as in the IETF Idempotency-Key draft's examples. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** The recipients column's width. */
const MAX_RECIPIENTS_LENGTH = 320;

/**
 * Sends approved drafts at most once. The message (bytes and Message-ID) is stored before the
 * first attempt; a single conditional update lets exactly one caller move it to `sending`,
 * so a client retrying after a timeout, or two reps pressing send, never deliver it twice.
 * After SMTP accepts it, the same bytes go to the Sent folder and into the thread.
 */
@Injectable()
export class OutboundService {
  private readonly logger = new Logger(OutboundService.name);

  constructor(
    private readonly repository: OutboundRepository,
    private readonly drafts: DraftsService,
    private readonly transport: MailTransport,
    private readonly blobs: BlobStore,
    private readonly ingest: MessageIngestService,
    private readonly followUps: FollowUpsService,
  ) {}

  async send(draftId: number, idempotencyKey: string | undefined): Promise<OutboundResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      const reason = 'Idempotency-Key must be 1 to 200 printable ASCII characters without spaces';
      throw new DomainError(ErrorCode.ValidationFailed, reason, [
        { field: 'Idempotency-Key', reason },
      ]);
    }
    if (idempotencyKey !== undefined) {
      const earlier = await this.repository.byKey(idempotencyKey);
      if (earlier && earlier.draftId !== draftId) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyReused,
          `Idempotency-Key was already used to send draft ${earlier.draftId}`,
        );
      }
    }
    const draft = await this.drafts.sendable(draftId);
    const inquiry = await this.drafts.inquiry(draft.inquiryId);
    const mailbox = await this.sendingMailbox(inquiry);
    const row =
      (await this.repository.byDraft(draftId)) ??
      (await this.prepare(draft, inquiry, mailbox, idempotencyKey));
    return toResponse(await this.attempt(row, draft, inquiry, mailbox));
  }

  async forDraft(draftId: number): Promise<OutboundResponseDto> {
    const row = await this.repository.byDraft(draftId);
    if (!row) {
      throw new DomainError(ErrorCode.OutboundNotFound, `draft ${draftId} has not been sent`);
    }
    return toResponse(row);
  }

  async list(state: OutboundMessageEntity['state'] | undefined): Promise<OutboundListDto> {
    return { items: (await this.repository.list(state)).map(toResponse) };
  }

  private async sendingMailbox(inquiry: InquiryForReply): Promise<MailboxEntity> {
    const mailbox =
      inquiry.mailboxId === null ? null : await this.repository.mailbox(inquiry.mailboxId);
    if (!mailbox) {
      throw new DomainError(
        ErrorCode.MailboxCannotSend,
        `inquiry ${inquiry.id} did not arrive in a mailbox (imported), so there is no account to answer from`,
      );
    }
    if (!mailbox.smtpHost || !mailbox.smtpPort) {
      throw new DomainError(
        ErrorCode.MailboxCannotSend,
        `mailbox ${mailbox.id} (${mailbox.address}) has no SMTP server; set smtpHost and smtpPort`,
      );
    }
    return mailbox;
  }

  private async prepare(
    draft: DraftEntity,
    inquiry: InquiryForReply,
    mailbox: MailboxEntity,
    idempotencyKey: string | undefined,
  ): Promise<OutboundMessageEntity> {
    const recipient = recipientKey(replyRecipient(inquiry.message));
    if (!recipient) {
      throw new DomainError(
        ErrorCode.MailboxCannotSend,
        `inquiry ${inquiry.id} has no sender address to answer`,
      );
    }
    if (recipient.length > MAX_RECIPIENTS_LENGTH) {
      throw new DomainError(
        ErrorCode.MailboxCannotSend,
        `inquiry ${inquiry.id} asks for replies to more addresses than one reply can carry (${recipient.slice(0, 80)}…)`,
      );
    }
    const messageIdHeader = `${randomUUID()}@${mailbox.address.split('@')[1] ?? 'localhost'}`;
    const raw = await this.compose(draft, inquiry, mailbox, messageIdHeader);
    const now = new Date();
    try {
      return await this.repository.insert({
        draftId: draft.id,
        mailboxId: mailbox.id,
        idempotencyKey: idempotencyKey ?? null,
        messageIdHeader,
        rawSha256: await this.blobs.put(raw),
        toAddress: recipient,
        state: 'queued',
        attempts: 0,
        lastError: null,
        smtpResponse: null,
        sendingSince: null,
        sentAt: null,
        failedAt: null,
        sentFolder: null,
        appendError: null,
        storedMessageId: null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.repository.byDraft(draft.id);
      if (!winner) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyReused,
          'Idempotency-Key is in use by another send',
        );
      }
      return winner;
    }
  }

  private async compose(
    draft: DraftEntity,
    inquiry: InquiryForReply,
    mailbox: MailboxEntity,
    messageIdHeader: string,
  ): Promise<Buffer> {
    const profile = await this.drafts.profileOf(draft.createdBy);
    const original = inquiry.message;
    return composeReply({
      from: { name: profile.fullName, address: mailbox.address },
      to: replyRecipient(original).addresses,
      subject: draft.subject,
      text: draft.text,
      locale: draft.locale,
      dir: localeDirection(draft.locale),
      messageId: messageIdHeader,
      inReplyTo: original.messageId,
      references: original.references,
      original: {
        fromName: original.fromName,
        fromAddress: original.fromAddress ?? '',
        sentAt: original.sentAt ?? original.createdAt,
        text: original.text,
      },
      attachments: await Promise.all(
        draft.attachments.map(async (file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: await this.blobs.get(file.sha256),
        })),
      ),
      date: new Date(),
    });
  }

  private async attempt(
    row: OutboundMessageEntity,
    draft: DraftEntity,
    inquiry: InquiryForReply,
    mailbox: MailboxEntity,
  ): Promise<OutboundMessageEntity> {
    if (row.state === 'sent') return this.complete(row, draft, inquiry, mailbox);
    if (row.state === 'sending') {
      await this.repository.failInterrupted(
        row.id,
        new Date(Date.now() - INTERRUPTED_AFTER_MS),
        'the send was interrupted and its outcome is unknown; check the Sent folder before retrying',
      );
      return this.reload(row.id);
    }
    if (draft.updatedAt.getTime() > row.updatedAt.getTime()) {
      // Nothing has gone out yet, so an edited draft may replace the prepared bytes.
      const raw = await this.compose(draft, inquiry, mailbox, row.messageIdHeader);
      await this.repository.update(row.id, { rawSha256: await this.blobs.put(raw) });
      row = await this.reload(row.id);
    }
    if (!(await this.repository.claim(row.id, new Date()))) return this.reload(row.id);

    try {
      const response = await this.transport.submit(
        mailbox,
        await this.blobs.get(row.rawSha256),
        row.toAddress.split(', '),
      );
      await this.repository.finishAttempt(row.id, {
        state: 'sent',
        sentAt: new Date(),
        smtpResponse: response.slice(0, 1000),
        lastError: null,
      });
    } catch (error) {
      const message = describeError(error);
      this.logger.warn(`draft ${row.draftId}: send failed: ${message}`);
      await this.repository.finishAttempt(row.id, {
        state: 'failed',
        failedAt: new Date(),
        lastError: message,
      });
      return this.reload(row.id);
    }
    return this.complete(await this.reload(row.id), draft, inquiry, mailbox);
  }

  /**
   * What follows a delivered message; each step records its outcome, so a later send call
   * finishes whatever a crash or an IMAP outage left undone.
   */
  private async complete(
    row: OutboundMessageEntity,
    draft: DraftEntity,
    inquiry: InquiryForReply,
    mailbox: MailboxEntity,
  ): Promise<OutboundMessageEntity> {
    const sentAt = row.sentAt ?? new Date();
    const raw = await this.blobs.get(row.rawSha256);
    let copy: SentCopy | undefined;
    const abandonedBefore = new Date(Date.now() - INTERRUPTED_AFTER_MS);
    if (
      (row.sentFolder === null || row.sentFolder === '') &&
      (await this.repository.claimAppend(row.id, abandonedBefore))
    ) {
      try {
        copy = await this.transport.appendToSent(mailbox, raw, sentAt, row.messageIdHeader);
        await this.repository.update(row.id, { sentFolder: copy.folder, appendError: null });
      } catch (error) {
        await this.repository.update(row.id, {
          sentFolder: null,
          appendError: describeError(error),
        });
      }
    }
    if (row.storedMessageId === null) {
      const origin: IngestOrigin =
        copy?.uid != null && copy.uidValidity != null
          ? {
              kind: 'imap',
              mailboxId: mailbox.id,
              folder: copy.folder,
              uidValidity: copy.uidValidity,
              uid: copy.uid,
            }
          : { kind: 'import', source: `outbound message ${row.id}` };
      const stored = await this.ingest.ingestRaw(raw, origin);
      if (stored.status === 'quarantined') {
        this.logger.warn(`outbound message ${row.id} could not be stored: ${stored.reason}`);
      } else {
        await this.repository.update(row.id, { storedMessageId: stored.messageId });
      }
    }
    await this.repository.markInquiryReplied(inquiry.id);
    if (draft.quoteId !== null) {
      const quote = await this.repository.markQuoteSent(draft.quoteId, sentAt);
      if (quote) {
        const stored = await this.reload(row.id);
        await this.followUps.scheduleForQuote(
          quote,
          {
            sentAt: quote.sentAt ?? sentAt,
            threadId: inquiry.threadId,
            storedMessageId: stored.storedMessageId,
          },
          inquiry.assignee ?? draft.createdBy,
        );
      }
    }
    // Last, so that a draft not yet marked sent tells the restart pass there is work left.
    await this.repository.markDraftSent(draft.id);
    return this.reload(row.id);
  }

  /**
   * Finishes what sends cut short after SMTP accepted them (the process died, or IMAP was
   * down): the Sent copy, the thread, the draft and inquiry state and the quote's follow-ups.
   * Runs at startup and then periodically; returns how many messages it finished.
   */
  async finishDelivered(idleFor = RETRY_IDLE_MS): Promise<number> {
    const rows = await this.repository.unfinished(new Date(Date.now() - idleFor), 50);
    let finished = 0;
    for (const row of rows) {
      try {
        const draft = await this.drafts.find(row.draftId);
        const inquiry = await this.drafts.inquiry(draft.inquiryId);
        const mailbox = await this.repository.mailbox(row.mailboxId);
        if (!mailbox) continue;
        const done = await this.complete(row, draft, inquiry, mailbox);
        if (done.sentFolder) finished += 1;
      } catch (error) {
        this.logger.warn(`outbound message ${row.id}: finishing failed: ${describeError(error)}`);
      }
    }
    return finished;
  }

  private async reload(id: number): Promise<OutboundMessageEntity> {
    const row = await this.repository.byId(id);
    if (!row) throw new DomainError(ErrorCode.OutboundNotFound, `outbound message ${id} vanished`);
    return row;
  }
}

function toResponse(row: OutboundMessageEntity): OutboundResponseDto {
  return {
    id: row.id,
    draftId: row.draftId,
    state: row.state,
    messageId: row.messageIdHeader,
    to: row.toAddress,
    attempts: row.attempts,
    lastError: row.lastError,
    smtpResponse: row.smtpResponse,
    sentAt: row.sentAt,
    failedAt: row.failedAt,
    sentFolder: row.sentFolder || null,
    appendError: row.appendError,
    storedMessageId: row.storedMessageId,
  };
}
