import { Injectable, Logger } from '@nestjs/common';
import { type Address, MalformedMessageError, type NormalisedMessage } from '@inquiry/mail';
import type { ContactEntity, MessageEntity } from '../../database/entities';
import { isDeadlock, isUniqueViolation } from '../../database/unique-violation';
import { BlobStore } from '../../storage/blob-store';
import { TriageContextService } from '../triage/triage-context.service';
import { isTransientError } from '../sync/transient-error';
import { BatchThreading, type PlannedThread } from './batch-threading';
import { dedupKey, messageIdKey, normaliseMessageId } from './dedup-key';
import { ingestLanes, plainMessageId } from './ingest-lanes';
import { IngestRepository, positionKey } from './ingest.repository';
import type {
  BatchOptions,
  BatchOutcome,
  ImapOrigin,
  IngestItem,
  IngestOptions,
  IngestOrigin,
  IngestResult,
} from './ingest.types';
import {
  type InquiryAssessment,
  InquiryTriageService,
  triageColumns,
} from './inquiry-triage.service';
import { MessageParserPool } from './message-parser.pool';
import { normaliseSubject } from './subject-threading';

/** Dates further ahead than this are a sender's clock (or a trick), not when the mail arrived. */
const MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;
/** MEDIUMTEXT holds 16 MiB; longer bodies are cut here and stay whole in the raw message. */
const LARGE_TEXT_BYTES = 16 * 1024 * 1024 - 1;
/** RFC 5321 limit, and the width of contacts.address. */
const MAX_ADDRESS_LENGTH = 320;
/**
 * A batch's write is tried this often when it loses a race: InnoDB may pick it as a deadlock
 * victim, or another worker may store one of its messages first; the next try sees their rows.
 */
const WRITE_ATTEMPTS = 3;

/** A parsed message ready to be written: every column but its thread and contact. */
interface Prepared {
  index: number;
  origin: IngestOrigin;
  key: string;
  outgoing: boolean;
  relayed: boolean;
  /** Whom the conversation is with: the sender, or for our own mail its first recipient. */
  counterpart: Address | undefined;
  /** What triage learned about the counterpart, for the contact's empty fields. */
  details: { company?: string; country?: string };
  receivedAt: Date;
  referencedKeys: string[];
  normalisedSubject: string;
  message: Omit<MessageEntity, 'id' | 'thread' | 'contact' | 'threadId' | 'contactId'>;
  triage: ReturnType<typeof triageColumns> | typeof PENDING_TRIAGE;
}

interface Parsed {
  index: number;
  rawSha256: string;
  parsed: NormalisedMessage;
  /** The sender's HTML as it is safe to store and show. */
  safeHtml: string;
}

interface Quarantine {
  index: number;
  origin: IngestOrigin;
  rawSha256: string;
  reason: string;
}

/** Rows that go with a batch's messages: locations of duplicates, and quarantine entries. */
interface SideRows {
  locations: Array<{ messageId: number; origin: ImapOrigin }>;
  quarantines: Quarantine[];
}

/** A batch parsed and made into rows, ready for MessageIngestService.writeBatch. */
export interface PreparedBatch {
  readonly items: IngestItem[];
  /** What is settled before the write: known duplicates, failures, held messages. */
  readonly outcomes: ReadonlyArray<BatchOutcome | undefined>;
  readonly side: SideRows;
  readonly prepared: Prepared[];
}

/**
 * The single way a raw message enters the store, used by IMAP sync, imports and the demo
 * inbox. Idempotent: the same bytes at the same place, or the same Message-ID anywhere,
 * never make a second message; any number of workers may call it concurrently because the
 * unique indexes decide every race and a lost race reads as "duplicate".
 *
 * Messages are ingested a batch at a time: what the batch needs from the database is read
 * with one query per kind for all of it, and its messages, threads and inquiries are written
 * in one transaction of multi-row INSERTs; only contacts whose empty fields a message fills
 * and threads it touches take a statement each.
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
    const [outcome] = await this.ingestBatch([{ raw, origin }], options);
    if (outcome?.status === 'failed') throw outcome.error;
    if (!outcome || outcome.status === 'held')
      throw new Error('a message ingested on its own cannot wait for another');
    return outcome;
  }

  /**
   * Ingests the messages in their order, as ingesting them one after the other would (a reply
   * threads to a parent earlier in the batch). A message that throws is reported `failed` and
   * the messages of its conversation after it `held`; the rest are stored regardless. Errors of
   * the database, disk or network (transient) fail the whole call instead.
   */
  async ingestBatch(items: IngestItem[], options: BatchOptions = {}): Promise<BatchOutcome[]> {
    return this.writeBatch(await this.prepareBatch(items, options), options.commitWith);
  }

  /** Whether a batch may be prepared while the one before it is being written. */
  get preparesBesideWrites(): boolean {
    return this.repository.readsBesideWrites;
  }

  /**
   * The first half of ingestBatch, which needs nothing the batch before has written: what is
   * known already is looked up, the rest stored as blobs, parsed and made into rows. A caller
   * may prepare the next batch while writing this one (see preparesBesideWrites): a message the
   * batch before stores in the meantime is found at the write, which looks again when its
   * insert loses that race.
   */
  async prepareBatch(items: IngestItem[], options: IngestOptions = {}): Promise<PreparedBatch> {
    const outcomes: Array<BatchOutcome | undefined> = items.map(() => undefined);
    const side: SideRows = { locations: [], quarantines: [] };
    const lookedUp = await this.settleKnown(items, outcomes, side);
    const parsed = await this.parseAll(items, outcomes, side);

    const keyed = parsed.map((entry) => ({
      ...entry,
      key: dedupKey({ messageId: entry.parsed.messageId, rawSha256: entry.rawSha256 }),
    }));
    const stored = await this.repository.messageIdsByDedupKeys([
      ...new Set(keyed.map((entry) => entry.key).filter((key) => !lookedUp.has(key))),
    ]);
    const own = options.ownAddresses ?? (await this.repository.ownAddresses());
    const prepared: Prepared[] = [];
    const seen = new Set<string>();
    for (const entry of keyed) {
      const storedAs = stored.get(entry.key);
      if (storedAs !== undefined) {
        outcomes[entry.index] = this.duplicate(storedAs, items[entry.index]!.origin, side);
        continue;
      }
      // A second copy in the batch is written as the first one's duplicate; assessing it too
      // would count the one message twice in the recent-inquiry history triage compares with.
      const copy = seen.has(entry.key);
      seen.add(entry.key);
      try {
        prepared.push(
          await this.prepare(
            entry,
            items[entry.index]!,
            own,
            copy ? { ...options, deferTriage: true } : options,
          ),
        );
      } catch (error) {
        outcomes[entry.index] = { status: 'failed', error };
      }
    }
    const held = outcomes.some((outcome) => outcome?.status === 'failed')
      ? heldBack(
          ingestLanes(items.map(({ raw }) => raw)),
          outcomes,
          new Set(prepared.map((entry) => entry.index)),
        )
      : new Set<number>();
    for (const index of held) outcomes[index] = { status: 'held' };
    return {
      items,
      outcomes,
      side,
      prepared: prepared.filter((entry) => !held.has(entry.index)),
    };
  }

  /** The second half of ingestBatch: writes a prepared batch (see BatchOptions.commitWith). */
  async writeBatch(
    batch: PreparedBatch,
    commitWith?: BatchOptions['commitWith'],
  ): Promise<BatchOutcome[]> {
    const { items, side, prepared } = batch;
    const outcomes = [...batch.outcomes];
    const complete = outcomes.every((outcome) => !isUnfinished(outcome));
    const committing = complete ? commitWith : undefined;
    if (
      prepared.length > 0 ||
      side.locations.length > 0 ||
      side.quarantines.length > 0 ||
      committing
    ) {
      try {
        this.settle(outcomes, await this.write(prepared, side, committing));
      } catch (error) {
        if (error instanceof CallerWorkFailed) throw error.cause;
        if (isTransientError(error)) throw error;
        await this.writeOneByOne(items, outcomes, prepared, side, commitWith);
      }
    }
    return outcomes.map((outcome, index) => {
      if (!outcome) throw new Error(`message ${index} of the batch was left unhandled`);
      return outcome;
    });
  }

  /** What makes a message ours (outgoing): read once for a batch, see IngestOptions.ownAddresses. */
  ownAddresses(): Promise<string[]> {
    return this.repository.ownAddresses();
  }

  /**
   * Settles what needs no parsing: positions stored or quarantined already, and messages whose
   * plain Message-ID (read from the raw header) is stored already. Returns the keys looked up.
   */
  private async settleKnown(
    items: IngestItem[],
    outcomes: Array<BatchOutcome | undefined>,
    side: SideRows,
  ): Promise<Set<string>> {
    const imap = items.flatMap(({ origin }) => (origin.kind === 'imap' ? [origin] : []));
    const plainKeys = items.map(({ raw }) => {
      const messageId = plainMessageId(raw);
      return messageId === undefined ? undefined : messageIdKey(messageId);
    });
    const lookedUp = new Set(plainKeys.filter((key) => key !== undefined));
    const [positions, stored] = await Promise.all([
      imap.length > 0 ? this.repository.atPositions(imap) : undefined,
      this.repository.messageIdsByDedupKeys([...lookedUp]),
    ]);
    items.forEach(({ origin }, index) => {
      if (origin.kind === 'imap' && positions) {
        const at = positionKey(origin);
        const storedAt = positions.stored.get(at);
        if (storedAt !== undefined) {
          outcomes[index] = { status: 'duplicate', messageId: storedAt };
          return;
        }
        const entry = positions.quarantined.get(at);
        if (entry) {
          outcomes[index] = { status: 'quarantined', quarantineId: entry.id, reason: entry.reason };
          return;
        }
      }
      const key = plainKeys[index];
      const storedAs = key === undefined ? undefined : stored.get(key);
      if (storedAs !== undefined) outcomes[index] = this.duplicate(storedAs, origin, side);
    });
    return lookedUp;
  }

  /** Stores the raw bytes and parses each message still open; what does not parse is quarantined. */
  private async parseAll(
    items: IngestItem[],
    outcomes: Array<BatchOutcome | undefined>,
    side: SideRows,
  ): Promise<Parsed[]> {
    const parsed = await Promise.all(
      items.map(async ({ raw, origin }, index): Promise<Parsed | undefined> => {
        if (outcomes[index]) return undefined;
        // The worker starts parsing at once; the blob is written meanwhile.
        const [stored, parsing] = await Promise.allSettled([
          this.blobs.put(raw),
          this.parser.parseForStorage(raw),
        ]);
        if (stored.status === 'rejected') {
          outcomes[index] = { status: 'failed', error: stored.reason };
          return undefined;
        }
        const rawSha256 = stored.value;
        if (parsing.status === 'fulfilled')
          return {
            index,
            rawSha256,
            parsed: parsing.value.message,
            safeHtml: parsing.value.safeHtml,
          };
        const error: unknown = parsing.reason;
        const reason =
          error instanceof MalformedMessageError
            ? error.reason
            : `parser failed: ${error instanceof Error ? error.message : String(error)}`;
        const known =
          origin.kind === 'import'
            ? await this.repository.findImportQuarantined(origin.source, rawSha256)
            : null;
        if (known)
          outcomes[index] = { status: 'quarantined', quarantineId: known.id, reason: known.reason };
        else side.quarantines.push({ index, origin, rawSha256, reason });
        return undefined;
      }),
    );
    return parsed.filter((entry) => entry !== undefined);
  }

  private async prepare(
    { index, rawSha256, parsed, safeHtml, key }: Parsed & { key: string },
    { raw, origin }: IngestItem,
    own: readonly string[],
    options: IngestOptions,
  ): Promise<Prepared> {
    const now = new Date();
    const from = parsed.from?.address.toLowerCase();
    const outgoing = from !== undefined && own.some((address) => address.toLowerCase() === from);
    const counterpart = outgoing ? parsed.to[0] : parsed.from;
    const sentAt = storableDate(parsed.date);
    const receivedAt =
      sentAt && sentAt.getTime() <= now.getTime() + MAX_CLOCK_SKEW_MS ? sentAt : now;
    const assessment =
      outgoing || options.deferTriage ? undefined : await this.assess(parsed, receivedAt);
    const relayed = assessment?.relayed ?? (!outgoing && this.triage.isRelayed(parsed));
    const referenced = [parsed.inReplyTo, ...parsed.references]
      .map(normaliseMessageId)
      .filter((id): id is string => id !== undefined);
    return {
      index,
      origin,
      key,
      outgoing,
      relayed,
      counterpart:
        counterpart && counterpart.address.length <= MAX_ADDRESS_LENGTH ? counterpart : undefined,
      details: relayed ? {} : { company: assessment?.company, country: assessment?.country },
      receivedAt,
      referencedKeys: [...new Set(referenced)].map(messageIdKey),
      normalisedSubject: normaliseSubject(parsed.subject),
      triage: assessment ? triageColumns(assessment, now) : PENDING_TRIAGE,
      message: {
        dedupKey: key,
        messageId: normaliseMessageId(parsed.messageId)?.slice(0, 998) ?? null,
        rawSha256,
        rawSize: raw.length,
        subject: parsed.subject.slice(0, 1000),
        fromAddress: parsed.from?.address.slice(0, 320) ?? null,
        fromName: parsed.from?.name.slice(0, 500) ?? '',
        to: parsed.to,
        cc: parsed.cc,
        sentAt,
        headers: parsed.headers,
        text: fitColumn(parsed.text),
        html: fitColumn(safeHtml),
        attachments: parsed.attachments,
        problems: [
          ...parsed.problems,
          ...(
            [
              ['text', parsed.text],
              ['html', safeHtml],
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
        createdAt: now,
      },
    };
  }

  /** The write, again from the lookups when it lost a race to another worker. */
  private async write(
    prepared: Prepared[],
    side: SideRows,
    commitWith: BatchOptions['commitWith'],
  ): Promise<Map<number, IngestResult>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // The batch was looked up before it was prepared; a retry looks again for the winners.
        const stored =
          attempt === 1
            ? new Map<string, number>()
            : await this.repository.messageIdsByDedupKeys([
                ...new Set(prepared.map((entry) => entry.key)),
              ]);
        return await this.writeOnce(prepared, side, stored, commitWith);
      } catch (error) {
        if (attempt < WRITE_ATTEMPTS && (isDeadlock(error) || isUniqueViolation(error))) continue;
        throw error;
      }
    }
  }

  /**
   * After a write the database refused for a reason other than an outage: each row is written
   * on its own, so the one it refuses fails alone (and counts towards quarantine) while the
   * rest are stored.
   */
  private async writeOneByOne(
    items: IngestItem[],
    outcomes: Array<BatchOutcome | undefined>,
    prepared: Prepared[],
    side: SideRows,
    commitWith: BatchOptions['commitWith'],
  ): Promise<void> {
    for (const location of side.locations) {
      try {
        await this.write([], { locations: [location], quarantines: [] }, undefined);
      } catch (error) {
        if (isTransientError(error)) throw error;
        // The message is stored: only where this copy sits goes unrecorded, until a resync.
        this.logger.warn(`could not record ${describe(location.origin)}: ${String(error)}`);
      }
    }
    for (const quarantine of side.quarantines) {
      try {
        this.settle(
          outcomes,
          await this.write([], { locations: [], quarantines: [quarantine] }, undefined),
        );
      } catch (error) {
        if (isTransientError(error)) throw error;
        outcomes[quarantine.index] = { status: 'failed', error };
      }
    }
    const lanes = ingestLanes(items.map(({ raw }) => raw));
    for (const entry of prepared) {
      if (heldBack(lanes, outcomes, new Set([entry.index])).size > 0) {
        outcomes[entry.index] = { status: 'held' };
        continue;
      }
      try {
        this.settle(
          outcomes,
          await this.write([entry], { locations: [], quarantines: [] }, undefined),
        );
      } catch (error) {
        if (isTransientError(error)) throw error;
        outcomes[entry.index] = { status: 'failed', error };
      }
    }
    if (commitWith && outcomes.every((outcome) => !isUnfinished(outcome)))
      await this.repository.transaction(commitWith);
  }

  private async writeOnce(
    prepared: Prepared[],
    side: SideRows,
    stored: Map<string, number>,
    commitWith: BatchOptions['commitWith'],
  ): Promise<Map<number, IngestResult>> {
    const owners: Prepared[] = [];
    const copies: Array<{ copy: Prepared; of: Prepared | number }> = [];
    const ownerOf = new Map<string, Prepared>();
    for (const entry of prepared) {
      const of = stored.get(entry.key) ?? ownerOf.get(entry.key);
      if (of !== undefined) {
        copies.push({ copy: entry, of });
        continue;
      }
      ownerOf.set(entry.key, entry);
      owners.push(entry);
    }
    const contacts = await this.contactsFor(owners);
    const contactOf = (entry: Prepared) =>
      entry.counterpart ? contacts.get(entry.counterpart.address) : undefined;
    const threads = await this.planThreads(owners, contactOf);

    return this.repository.transaction(async (manager) => {
      const threadIds = await this.repository.createThreads(
        manager,
        threads.created.map((thread) => thread.create!),
      );
      threads.created.forEach((thread, index) => (thread.id = threadIds[index]));
      for (const thread of threads.touched)
        await this.repository.touchThread(manager, thread.id!, thread.touchAt!);

      const messageIds = await this.repository.insertMessages(
        manager,
        owners.map((entry, index) => ({
          ...entry.message,
          threadId: threads.of[index]!.id!,
          contactId: contactOf(entry)?.id ?? null,
        })),
      );
      const idOf = new Map(owners.map((entry, index) => [entry, messageIds[index]!]));
      const copyIds = copies.map(({ of }) => (typeof of === 'number' ? of : idOf.get(of)!));
      const locations = [
        ...side.locations,
        ...owners.flatMap((entry) => locationOf(entry, idOf.get(entry)!)),
        ...copies.flatMap(({ copy }, index) => locationOf(copy, copyIds[index]!)),
      ];
      await this.repository.addLocations(manager, locations);

      const asking = owners.flatMap((entry, index) =>
        entry.outgoing ? [] : [{ entry, thread: threads.of[index]! }],
      );
      const inquiryIds = await this.repository.insertInquiries(
        manager,
        asking.map(({ entry, thread }) => ({
          messageId: idOf.get(entry)!,
          mailboxId: entry.origin.kind === 'imap' ? entry.origin.mailboxId : null,
          threadId: thread.id!,
          contactId: contactOf(entry)?.id ?? null,
          status: 'new' as const,
          assignee: null,
          ...entry.triage,
          verdictOverride: null,
          verdictOverrideBy: null,
          verdictOverrideAt: null,
          receivedAt: entry.receivedAt,
          createdAt: entry.message.createdAt,
          updatedAt: entry.message.createdAt,
        })),
      );
      await this.repository.adoptInquiries(manager, locations);
      const quarantineIds = await this.repository.quarantine(manager, side.quarantines);
      try {
        await commitWith?.(manager);
      } catch (error) {
        throw new CallerWorkFailed(error);
      }

      const inquiryOf = new Map(asking.map(({ entry }, index) => [entry, inquiryIds[index]!]));
      const results = new Map<number, IngestResult>();
      for (const entry of owners)
        results.set(entry.index, {
          status: 'stored',
          messageId: idOf.get(entry)!,
          inquiryId: inquiryOf.get(entry) ?? null,
        });
      copies.forEach(({ copy }, index) =>
        results.set(copy.index, { status: 'duplicate', messageId: copyIds[index]! }),
      );
      side.quarantines.forEach(({ index, reason }, position) =>
        results.set(index, {
          status: 'quarantined',
          quarantineId: quarantineIds[position]!,
          reason,
        }),
      );
      return results;
    });
  }

  /**
   * Finds or creates the contact of every correspondent, filling fields still empty; the
   * unique address index settles concurrent creations.
   */
  private async contactsFor(owners: Prepared[]): Promise<Map<string, { id: number }>> {
    const wanted = new Map<string, { name: string; company?: string; country?: string }>();
    for (const { counterpart, details } of owners) {
      if (!counterpart) continue;
      const known = wanted.get(counterpart.address);
      wanted.set(counterpart.address, {
        name: known?.name || counterpart.name,
        company: known?.company || details.company,
        country: known?.country || details.country,
      });
    }
    const addresses = [...wanted.keys()];
    const found = await this.repository.contactsByAddress(addresses);
    const existing = new Map<string, ContactEntity>();
    const contacts = new Map<string, { id: number }>();
    const missing = addresses.filter((address) => {
      const contact = found.get(address);
      if (contact) existing.set(address, contact);
      return !contact;
    });
    if (missing.length > 0) {
      await this.repository.createContacts(
        missing.map((address) => {
          const { name, company, country } = wanted.get(address)!;
          return {
            address,
            name: name.slice(0, 500),
            company: company?.slice(0, 500) ?? null,
            country: country ?? null,
          };
        }),
      );
      const created = await this.repository.contactsByAddress(missing);
      for (const address of missing) {
        const contact = created.get(address);
        if (contact) {
          contacts.set(address, { id: contact.id });
          continue;
        }
        // Not created, yet not found as written: the database's collation takes it for an
        // address stored in another spelling (case, accents), and that contact is the one.
        const matching = await this.repository.contactMatching(address);
        if (!matching) throw new Error(`contact ${address} could neither be found nor created`);
        existing.set(address, matching);
      }
    }
    for (const [address, contact] of existing) {
      const { name, company, country } = wanted.get(address)!;
      const changes: Partial<Pick<ContactEntity, 'name' | 'company' | 'country'>> = {};
      if (!contact.name && name) changes.name = name.slice(0, 500);
      if (!contact.company && company) changes.company = company.slice(0, 500);
      if (!contact.country && country) changes.country = country;
      if (Object.keys(changes).length > 0) await this.repository.updateContact(contact.id, changes);
      contacts.set(address, { id: contact.id });
    }
    return contacts;
  }

  /**
   * In-Reply-To/References first; else the same subject with the same correspondent (none
   * for marketplace relays, whose one sender address and templated subjects cover many buyers).
   * A correspondent met for the first time is asked about too: another worker may have
   * created the contact and stored a conversation with them a moment ago.
   */
  private async planThreads(
    owners: Prepared[],
    contactOf: (entry: Prepared) => { id: number } | undefined,
  ): Promise<{ of: PlannedThread[]; created: PlannedThread[]; touched: PlannedThread[] }> {
    const subjectContact = (entry: Prepared) =>
      entry.relayed || !entry.normalisedSubject ? undefined : contactOf(entry);
    const asking = owners.filter((entry) => subjectContact(entry) !== undefined);
    const [referenced, bySubject] = await Promise.all([
      this.repository.threadsOfMessages([
        ...new Set(owners.flatMap((entry) => entry.referencedKeys)),
      ]),
      this.repository.threadsBySubject(
        [...new Set(asking.map((entry) => entry.normalisedSubject))],
        [...new Set(asking.map((entry) => subjectContact(entry)!.id))],
      ),
    ]);
    const threading = new BatchThreading(referenced, bySubject);
    const of = owners.map((entry) =>
      threading.assign({
        key: entry.key,
        referencedKeys: entry.referencedKeys,
        normalisedSubject: entry.normalisedSubject,
        subjectContactId: subjectContact(entry)?.id,
        receivedAt: entry.receivedAt,
        newThread: {
          subject: entry.message.subject,
          normalisedSubject: entry.normalisedSubject,
          contactId: contactOf(entry)?.id ?? null,
          lastMessageAt: entry.receivedAt,
          createdAt: entry.message.createdAt,
        },
      }),
    );
    return { of, created: threading.created, touched: threading.touched };
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

  /** A message stored already: at a new IMAP position, that position is recorded with it. */
  private duplicate(messageId: number, origin: IngestOrigin, side: SideRows): IngestResult {
    if (origin.kind === 'imap') side.locations.push({ messageId, origin });
    return { status: 'duplicate', messageId };
  }

  private settle(
    outcomes: Array<BatchOutcome | undefined>,
    results: Map<number, IngestResult>,
  ): void {
    for (const [index, result] of results) outcomes[index] = result;
  }
}

/** The caller's `commitWith` failed: its error, not the batch's rows, is what went wrong. */
class CallerWorkFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('the work committed with the batch failed');
  }
}

/** Failed, or waiting for one that failed: not stored, to be tried again. */
function isUnfinished(outcome: BatchOutcome | undefined): boolean {
  return outcome?.status === 'failed' || outcome?.status === 'held';
}

/** Which of `candidates` follow a failed message of their lane (see ingestLanes). */
function heldBack(
  lanes: number[][],
  outcomes: Array<BatchOutcome | undefined>,
  candidates: Set<number>,
): Set<number> {
  const held = new Set<number>();
  for (const lane of lanes) {
    const failed = lane.findIndex((index) => outcomes[index]?.status === 'failed');
    if (failed === -1) continue;
    for (const index of lane.slice(failed + 1)) if (candidates.has(index)) held.add(index);
  }
  return held;
}

function locationOf(
  entry: Prepared,
  messageId: number,
): Array<{ messageId: number; origin: ImapOrigin }> {
  return entry.origin.kind === 'imap' ? [{ messageId, origin: entry.origin }] : [];
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
