import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import { consecutiveRuns } from '../../common/consecutive-runs';
import { insertRows } from '../../database/insert-rows';
import {
  ContactEntity,
  InquiryEntity,
  MailboxEntity,
  MessageEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
  ThreadEntity,
} from '../../database/entities';
import type { ImapOrigin, IngestOrigin } from './ingest.types';

/** An inquiry stored ahead of its triage, with what triaging it needs. */
export interface PendingInquiry {
  id: number;
  receivedAt: Date;
  contactId: number | null;
  rawSha256: string;
}

export type TriageColumns = Pick<
  InquiryEntity,
  | 'verdict'
  | 'spamScore'
  | 'scamScore'
  | 'spyScore'
  | 'tier'
  | 'language'
  | 'slaDueAt'
  | 'signals'
  | 'fingerprint'
  | 'triagedAt'
>;

/** Every query of the ingestion pipeline. */
@Injectable()
export class IngestRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Whether reads may run while another batch's transaction is open. SQLite has one connection,
   * so such a read would see rows that a rollback can still take back.
   */
  get readsBesideWrites(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  /**
   * What is recorded already at these IMAP positions: the message stored there, or the
   * quarantine entry. One query per table for each folder the positions are in.
   */
  async atPositions(origins: ImapOrigin[]): Promise<{
    stored: Map<string, number>;
    quarantined: Map<string, { id: number; reason: string }>;
  }> {
    const stored = new Map<string, number>();
    const quarantined = new Map<string, { id: number; reason: string }>();
    const folders = new Map<string, ImapOrigin[]>();
    for (const origin of origins) {
      const folder = `${origin.mailboxId}/${origin.uidValidity}/${origin.folder}`;
      folders.set(folder, [...(folders.get(folder) ?? []), origin]);
    }
    await Promise.all(
      [...folders.values()].map(async (inFolder) => {
        const { mailboxId, folder, uidValidity } = inFolder[0]!;
        const where = { mailboxId, folder, uidValidity, uid: In(inFolder.map(({ uid }) => uid)) };
        const at = (uid: number) => positionKey({ mailboxId, folder, uidValidity, uid });
        const [locations, entries] = await Promise.all([
          this.dataSource
            .getRepository(MessageLocationEntity)
            .find({ select: { uid: true, messageId: true }, where }),
          this.dataSource
            .getRepository(QuarantinedMessageEntity)
            .find({ select: { id: true, uid: true, reason: true }, where }),
        ]);
        for (const location of locations) stored.set(at(location.uid), location.messageId);
        for (const entry of entries)
          quarantined.set(at(entry.uid!), { id: entry.id, reason: entry.reason });
      }),
    );
    return { stored, quarantined };
  }

  /** Stored messages by dedup key, for the keys that have one. */
  async messageIdsByDedupKeys(dedupKeys: string[]): Promise<Map<string, number>> {
    if (dedupKeys.length === 0) return new Map();
    const messages = await this.dataSource
      .getRepository(MessageEntity)
      .find({ select: { id: true, dedupKey: true }, where: { dedupKey: In(dedupKeys) } });
    return new Map(messages.map((message) => [message.dedupKey, message.id]));
  }

  /** Records where stored messages sit; a location recorded already (a concurrent worker) is kept. */
  async addLocations(
    manager: EntityManager,
    locations: Array<{ messageId: number; origin: ImapOrigin }>,
  ): Promise<void> {
    if (locations.length === 0) return;
    const createdAt = new Date();
    await manager
      .createQueryBuilder()
      .insert()
      .into(MessageLocationEntity)
      .values(
        locations.map(({ messageId, origin }) => ({
          messageId,
          mailboxId: origin.mailboxId,
          folder: origin.folder,
          uidValidity: origin.uidValidity,
          uid: origin.uid,
          createdAt,
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * Gives the inquiries of these messages that have no mailbox (theirs was deleted, or they were
   * imported) the mailbox they were found in, so they are listed under it and can be answered
   * from it; an inquiry's mailbox, once it has one, stays. One statement per mailbox, which
   * for a sync batch is one.
   */
  async adoptInquiries(
    manager: EntityManager,
    locations: Array<{ messageId: number; origin: ImapOrigin }>,
  ): Promise<void> {
    const messagesIn = new Map<number, Set<number>>();
    for (const { messageId, origin } of locations)
      messagesIn.set(
        origin.mailboxId,
        (messagesIn.get(origin.mailboxId) ?? new Set()).add(messageId),
      );
    for (const [mailboxId, messageIds] of messagesIn)
      await manager.update(
        InquiryEntity,
        { mailboxId: IsNull(), messageId: In([...messageIds]) },
        { mailboxId },
      );
  }

  async ownAddresses(): Promise<string[]> {
    const mailboxes = await this.dataSource
      .getRepository(MailboxEntity)
      .find({ select: { address: true, imapUser: true, smtpUser: true } });
    return mailboxes.flatMap((mailbox) => [
      mailbox.address,
      mailbox.imapUser,
      mailbox.smtpUser ?? '',
    ]);
  }

  /** An imported message quarantined before, from the same source (IMAP positions: atPositions). */
  findImportQuarantined(
    source: string,
    rawSha256: string,
  ): Promise<QuarantinedMessageEntity | null> {
    return this.dataSource
      .getRepository(QuarantinedMessageEntity)
      .findOneBy({ rawSha256, mailboxId: IsNull(), importSource: source.slice(0, 1000) });
  }

  /** Records messages that cannot be stored, with why; returns the entries' ids in order. */
  quarantine(
    manager: EntityManager,
    entries: Array<{ origin: IngestOrigin; rawSha256: string; reason: string }>,
  ): Promise<number[]> {
    const createdAt = new Date();
    return insertRows(
      manager,
      QuarantinedMessageEntity,
      entries.map(({ origin, rawSha256, reason }) => ({
        mailboxId: origin.kind === 'imap' ? origin.mailboxId : null,
        folder: origin.kind === 'imap' ? origin.folder : null,
        uidValidity: origin.kind === 'imap' ? origin.uidValidity : null,
        uid: origin.kind === 'imap' ? origin.uid : null,
        importSource: origin.kind === 'import' ? origin.source.slice(0, 1000) : null,
        rawSha256,
        reason: reason.slice(0, 2000),
        createdAt,
      })),
    );
  }

  /** The mailbox's untriaged inquiries after `afterId`, oldest first. */
  async pendingInquiries(
    mailboxId: number,
    afterId: number,
    limit: number,
  ): Promise<PendingInquiry[]> {
    const rows = await this.dataSource
      .getRepository(InquiryEntity)
      .createQueryBuilder('inquiry')
      .innerJoin('inquiry.message', 'message')
      .select([
        'inquiry.id',
        'inquiry.receivedAt',
        'inquiry.contactId',
        'message.id',
        'message.rawSha256',
      ])
      .where('inquiry.mailboxId = :mailboxId', { mailboxId })
      .andWhere('inquiry.triagedAt IS NULL')
      .andWhere('inquiry.id > :afterId', { afterId })
      .orderBy('inquiry.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      receivedAt: row.receivedAt,
      contactId: row.contactId,
      rawSha256: row.message!.rawSha256,
    }));
  }

  /** Writes a deferred triage; false when the inquiry was triaged already (or is gone). */
  async saveTriage(
    manager: EntityManager,
    inquiryId: number,
    columns: TriageColumns,
  ): Promise<boolean> {
    const result = await manager.update(
      InquiryEntity,
      { id: inquiryId, triagedAt: IsNull() },
      { ...columns, updatedAt: new Date() },
    );
    return result.affected === 1;
  }

  async contactsById(ids: number[]): Promise<Map<number, ContactEntity>> {
    if (ids.length === 0) return new Map();
    const contacts = await this.dataSource
      .getRepository(ContactEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return new Map(contacts.map((contact) => [contact.id, contact]));
  }

  /** The contacts with exactly these addresses (the database may match more loosely). */
  async contactsByAddress(addresses: string[]): Promise<Map<string, ContactEntity>> {
    if (addresses.length === 0) return new Map();
    const contacts = await this.dataSource
      .getRepository(ContactEntity)
      .findBy({ address: In(addresses) });
    return new Map(contacts.map((contact) => [contact.address, contact]));
  }

  /** The contact the database takes this address for, under its own collation. */
  contactMatching(address: string): Promise<ContactEntity | null> {
    return this.dataSource.getRepository(ContactEntity).findOneBy({ address });
  }

  /** Creates the contacts; an address another worker created meanwhile is left as it is. */
  async createContacts(
    contacts: Array<Pick<ContactEntity, 'address' | 'name' | 'company' | 'country'>>,
  ): Promise<void> {
    if (contacts.length === 0) return;
    const now = new Date();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ContactEntity)
      .values(contacts.map((contact) => ({ ...contact, createdAt: now, updatedAt: now })))
      .orIgnore()
      .execute();
  }

  async updateContact(
    contactId: number,
    changes: Partial<Pick<ContactEntity, 'name' | 'company' | 'country'>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(ContactEntity, { id: contactId }, { ...changes, updatedAt: new Date() });
  }

  /**
   * Fills a contact's company and country where they are still empty: what a rep or another
   * message filled in after the contact was read is kept.
   */
  async fillContact(
    contactId: number,
    fields: Partial<Pick<ContactEntity, 'company' | 'country'>>,
    manager: EntityManager,
  ): Promise<void> {
    for (const [field, value] of Object.entries(fields)) {
      await manager.update(
        ContactEntity,
        { id: contactId, [field]: IsNull() },
        { [field]: value, updatedAt: new Date() },
      );
    }
  }

  /** Thread and id of the stored messages with these dedup keys that belong to a thread. */
  async threadsOfMessages(
    dedupKeys: string[],
  ): Promise<Array<{ id: number; dedupKey: string; threadId: number }>> {
    if (dedupKeys.length === 0) return [];
    const messages = await this.dataSource.getRepository(MessageEntity).find({
      select: { id: true, dedupKey: true, threadId: true },
      where: { dedupKey: In(dedupKeys), threadId: MoreThan(0) },
    });
    return messages.map(({ id, dedupKey, threadId }) => ({ id, dedupKey, threadId: threadId! }));
  }

  /**
   * Threads with any of these subjects and any of these contacts: a superset of the pairs a
   * batch asks about, which the caller narrows down.
   */
  async threadsBySubject(
    normalisedSubjects: string[],
    contactIds: number[],
  ): Promise<
    Array<Pick<ThreadEntity, 'id' | 'normalisedSubject' | 'contactId' | 'lastMessageAt'>>
  > {
    if (normalisedSubjects.length === 0 || contactIds.length === 0) return [];
    return this.dataSource.getRepository(ThreadEntity).find({
      select: { id: true, normalisedSubject: true, contactId: true, lastMessageAt: true },
      where: { normalisedSubject: In(normalisedSubjects), contactId: In(contactIds) },
    });
  }

  createThreads(
    manager: EntityManager,
    threads: Array<Omit<ThreadEntity, 'id' | 'contact'>>,
  ): Promise<number[]> {
    return insertRows(manager, ThreadEntity, threads);
  }

  async touchThread(manager: EntityManager, threadId: number, at: Date): Promise<void> {
    await manager.update(
      ThreadEntity,
      { id: threadId, lastMessageAt: LessThan(at) },
      { lastMessageAt: at },
    );
  }

  /**
   * Inserts the messages a few per statement, as many as keep a statement well under the
   * server's packet limit (a body may take up to 16 MiB); returns their ids in order.
   */
  async insertMessages(
    manager: EntityManager,
    messages: Array<Omit<MessageEntity, 'id' | 'thread' | 'contact'>>,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of consecutiveRuns(messages, contentBytes, STATEMENT_BUDGET))
      ids.push(...(await insertRows(manager, MessageEntity, chunk)));
    return ids;
  }

  insertInquiries(
    manager: EntityManager,
    inquiries: Array<Omit<InquiryEntity, 'id' | 'message' | 'mailbox' | 'thread' | 'contact'>>,
  ): Promise<number[]> {
    return insertRows(manager, InquiryEntity, inquiries);
  }
}

/** Bytes of message content sent in one INSERT: a few MB, well below `max_allowed_packet`. */
const STATEMENT_BUDGET = 2 * 1024 * 1024;

/**
 * At most how many bytes a message row sends: its text, HTML and header fields, at three UTF-8
 * bytes per character (the raw bytes live in the blob store, not in the row).
 */
function contentBytes(message: Pick<MessageEntity, 'text' | 'html' | 'headers'>): number {
  let characters = message.text.length + message.html.length;
  for (const { name, value } of message.headers) characters += name.length + value.length;
  return 3 * characters;
}

export function positionKey(origin: Omit<ImapOrigin, 'kind'>): string {
  return `${origin.mailboxId}/${origin.uidValidity}/${origin.uid}/${origin.folder}`;
}
