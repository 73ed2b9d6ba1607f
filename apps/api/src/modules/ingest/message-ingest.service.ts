import { Injectable, Logger } from '@nestjs/common';
import { MalformedMessageError, type NormalisedMessage, sanitiseHtml } from '@inquiry/mail';
import { isDeadlock, isUniqueViolation } from '../../database/unique-violation';
import { BlobStore } from '../../storage/blob-store';
import { TriageContextService } from '../triage/triage-context.service';
import { dedupKey, messageIdKey, normaliseMessageId } from './dedup-key';
import { IngestRepository } from './ingest.repository';
import type { IngestOptions, IngestOrigin, IngestResult } from './ingest.types';
import {
  type InquiryAssessment,
  InquiryTriageService,
  triageColumns,
} from './inquiry-triage.service';
import { MessageParserPool } from './message-parser.pool';
import { normaliseSubject } from './subject-threading';

/** A reply this long after the last message with the same subject starts a new conversation. */
const SUBJECT_THREAD_WINDOW_MS = 90 * 24 * 3600 * 1000;
/** Dates further ahead than this are a sender's clock (or a trick), not when the mail arrived. */
const MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;
/** MEDIUMTEXT holds 16 MiB; longer bodies are cut here and stay whole in the raw message. */
const LARGE_TEXT_BYTES = 16 * 1024 * 1024 - 1;
/** RFC 5321 limit, and the width of contacts.address. */
const MAX_ADDRESS_LENGTH = 320;
/** InnoDB may pick a concurrent ingest as a deadlock victim; the retry then sees the winner's rows. */
const DEADLOCK_RETRIES = 3;

/**
 * The single way a raw message enters the store, used by IMAP sync, imports and the demo
 * inbox. Idempotent: the same bytes at the same place, or the same Message-ID anywhere,
 * never make a second message; any number of workers may call it concurrently because the
 * unique indexes decide every race and a lost race reads as "duplicate".
 */
@Injectable()
export class MessageIngestService {
  private readonly logger = new Logger(MessageIngestService.name);

  constructor(
    private readonly repository: IngestRepository,
    private readonly blobs: BlobStore,
    private readonly triage: InquiryTriageService,
    private readonly triageContext: TriageContextService,
    private readonly parser: MessageParserPool,
  ) {}

  async ingestRaw(
    raw: Buffer,
    origin: IngestOrigin,
    options: IngestOptions = {},
  ): Promise<IngestResult> {
    if (origin.kind === 'imap' && !options.positionChecked) {
      const known = await this.repository.messageAt(origin);
      if (known !== null) return { status: 'duplicate', messageId: known };
    }
    const lookup = options.messageIdLookup;
    if (lookup && lookup.storedAs !== null) return this.recordDuplicate(lookup.storedAs, origin);
    const rawSha256 = await this.blobs.put(raw);

    let parsed: NormalisedMessage;
    try {
      parsed = await this.parser.parse(raw);
    } catch (error) {
      const reason =
        error instanceof MalformedMessageError
          ? error.reason
          : `parser failed: ${error instanceof Error ? error.message : String(error)}`;
      return this.quarantine(origin, rawSha256, reason);
    }

    const key = dedupKey({ messageId: parsed.messageId, rawSha256 });
    const lookedUp =
      lookup !== undefined && normaliseMessageId(parsed.messageId) === lookup.messageId;
    const existing = lookedUp ? null : await this.repository.messageIdByDedupKey(key);
    if (existing !== null) return this.recordDuplicate(existing, origin);

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.store(parsed, raw.length, rawSha256, key, origin, options);
      } catch (error) {
        if (isDeadlock(error) && attempt < DEADLOCK_RETRIES) continue;
        if (!isUniqueViolation(error)) throw error;
        const winner = await this.repository.messageIdByDedupKey(key);
        if (winner === null) throw error;
        return this.recordDuplicate(winner, origin);
      }
    }
  }

  private async store(
    parsed: NormalisedMessage,
    rawSize: number,
    rawSha256: string,
    key: string,
    origin: IngestOrigin,
    options: IngestOptions,
  ): Promise<IngestResult> {
    const now = new Date();
    // The parser hands over the sender's HTML as written; only what is safe to show is stored.
    const html = parsed.html ? sanitiseHtml(parsed.html) : '';
    const outgoing =
      parsed.from !== undefined &&
      (await this.isOwnAddress(parsed.from.address, options.ownAddresses));
    const counterpart = outgoing ? parsed.to[0] : parsed.from;
    const sentAt = storableDate(parsed.date);
    const receivedAt =
      sentAt && sentAt.getTime() <= now.getTime() + MAX_CLOCK_SKEW_MS ? sentAt : now;
    const assessment =
      outgoing || options.deferTriage ? undefined : await this.assess(parsed, receivedAt);

    const relayed = assessment?.relayed ?? (!outgoing && this.triage.isRelayed(parsed));
    const contact =
      counterpart && counterpart.address.length <= MAX_ADDRESS_LENGTH
        ? await this.repository.upsertContact(
            counterpart.address,
            counterpart.name,
            relayed ? {} : { company: assessment?.company, country: assessment?.country },
          )
        : undefined;
    // A contact made just now has no conversations to continue by subject.
    const threadId = await this.findThread(
      parsed,
      relayed || contact?.created ? undefined : contact?.id,
      receivedAt,
    );

    return this.repository.transaction(async (manager) => {
      const thread =
        threadId ??
        (await this.repository.createThread(manager, {
          subject: parsed.subject.slice(0, 1000),
          normalisedSubject: normaliseSubject(parsed.subject),
          contactId: contact?.id ?? null,
          lastMessageAt: receivedAt,
          createdAt: now,
        }));
      if (threadId !== null) await this.repository.touchThread(manager, thread, receivedAt);

      const messageId = await this.repository.insertMessage(manager, {
        dedupKey: key,
        messageId: normaliseMessageId(parsed.messageId)?.slice(0, 998) ?? null,
        rawSha256,
        rawSize,
        subject: parsed.subject.slice(0, 1000),
        fromAddress: parsed.from?.address.slice(0, 320) ?? null,
        fromName: parsed.from?.name.slice(0, 500) ?? '',
        to: parsed.to,
        cc: parsed.cc,
        sentAt,
        headers: parsed.headers,
        text: fitColumn(parsed.text),
        html: fitColumn(html),
        attachments: parsed.attachments,
        problems: [
          ...parsed.problems,
          ...(
            [
              ['text', parsed.text],
              ['html', html],
            ] as const
          )
            .filter(([, body]) => fitColumn(body) !== body)
            .map(([part]) => ({
              part,
              reason: `longer than ${LARGE_TEXT_BYTES} bytes; shortened here, whole in the raw message`,
            })),
        ],
        inReplyTo: normaliseMessageId(parsed.inReplyTo)?.slice(0, 998) ?? null,
        references: parsed.references,
        outgoing,
        demo: origin.kind === 'import' && origin.demo === true,
        threadId: thread,
        contactId: contact?.id ?? null,
        createdAt: now,
      });
      if (origin.kind === 'imap') await this.repository.addLocation(messageId, origin, manager);
      if (outgoing) return { status: 'stored', messageId, inquiryId: null };

      const inquiryId = await this.repository.insertInquiry(manager, {
        messageId,
        mailboxId: origin.kind === 'imap' ? origin.mailboxId : null,
        threadId: thread,
        contactId: contact?.id ?? null,
        status: 'new',
        assignee: null,
        ...(assessment ? triageColumns(assessment, now) : PENDING_TRIAGE),
        verdictOverride: null,
        verdictOverrideBy: null,
        verdictOverrideAt: null,
        receivedAt,
        createdAt: now,
        updatedAt: now,
      });
      return { status: 'stored', messageId, inquiryId };
    });
  }

  /** What makes a message ours (outgoing): read once for a batch, see IngestOptions.ownAddresses. */
  ownAddresses(): Promise<string[]> {
    return this.repository.ownAddresses();
  }

  private async assess(parsed: NormalisedMessage, receivedAt: Date): Promise<InquiryAssessment> {
    const context = await this.triageContext.forMessage(parsed, receivedAt);
    const assessment = this.triage.assess(parsed, receivedAt, context);
    this.triageContext.remember({
      fingerprint: assessment.fingerprint,
      sender: parsed.from?.address,
      receivedAt,
    });
    return assessment;
  }

  /**
   * In-Reply-To/References first; else the same subject with the same correspondent (none
   * for marketplace relays, whose one sender address and templated subjects cover many buyers).
   */
  private async findThread(
    parsed: NormalisedMessage,
    contactId: number | undefined,
    at: Date,
  ): Promise<number | null> {
    const referenced = [parsed.inReplyTo, ...parsed.references]
      .map(normaliseMessageId)
      .filter((id): id is string => id !== undefined);
    const byReference = await this.repository.threadOfReferenced(
      [...new Set(referenced)].map(messageIdKey),
    );
    if (byReference !== null) return byReference;
    const subject = normaliseSubject(parsed.subject);
    if (!subject || contactId === undefined) return null;
    return this.repository.threadBySubject(
      subject,
      contactId,
      new Date(at.getTime() - SUBJECT_THREAD_WINDOW_MS),
    );
  }

  /**
   * The stored messages with these Message-IDs (normalised), in one query, for a caller holding
   * a batch to pass as IngestOptions.messageIdLookup.
   */
  async storedByMessageId(messageIds: string[]): Promise<Map<string, number>> {
    const byKey = new Map(messageIds.map((id) => [messageIdKey(id), id]));
    const stored = await this.repository.messageIdsByDedupKeys([...byKey.keys()]);
    return new Map([...stored].map(([key, id]) => [byKey.get(key)!, id]));
  }

  private async recordDuplicate(messageId: number, origin: IngestOrigin): Promise<IngestResult> {
    if (origin.kind === 'imap') await this.repository.addLocation(messageId, origin);
    return { status: 'duplicate', messageId };
  }

  private async quarantine(
    origin: IngestOrigin,
    rawSha256: string,
    reason: string,
  ): Promise<IngestResult> {
    const existing = await this.repository.findQuarantined(origin, rawSha256);
    const entry = existing ?? (await this.repository.quarantine(origin, rawSha256, reason));
    if (!existing) this.logger.warn(`quarantined ${describe(origin)}: ${reason}`);
    return { status: 'quarantined', quarantineId: entry.id, reason: entry.reason };
  }

  /**
   * Read for every message (or batch): a mailbox added a second ago must already make its Sent
   * mail ours.
   */
  private async isOwnAddress(address: string, known?: readonly string[]): Promise<boolean> {
    const own = known ?? (await this.repository.ownAddresses());
    return own.some((candidate) => candidate.toLowerCase() === address.toLowerCase());
  }
}

/** An inquiry stored ahead of its triage: null verdict and triagedAt read as "pending". */
const PENDING_TRIAGE = {
  verdict: null,
  spamScore: null,
  scamScore: null,
  spyScore: null,
  tier: null,
  language: null,
  slaDueAt: null,
  signals: null,
  fingerprint: null,
  triagedAt: null,
};

function fitColumn(text: string): string {
  if (text.length * 3 <= LARGE_TEXT_BYTES || Buffer.byteLength(text, 'utf8') <= LARGE_TEXT_BYTES)
    return text;
  // Cutting bytes can split a character; the decoder turns the stub into U+FFFD, then it goes.
  return Buffer.from(text, 'utf8')
    .subarray(0, LARGE_TEXT_BYTES - 3)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/**
 * The Date header as a DATETIME both databases accept (MySQL: years 1000-9999); a date outside
 * that (`Mon, 1 Jan 0001`, seen in spam and fuzzed mail) is kept in the raw message only.
 */
function storableDate(date: Date | undefined): Date | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date : null;
}

function describe(origin: IngestOrigin): string {
  return origin.kind === 'imap'
    ? `mailbox ${origin.mailboxId} ${origin.folder} UID ${origin.uid} (UIDVALIDITY ${origin.uidValidity})`
    : origin.source;
}
