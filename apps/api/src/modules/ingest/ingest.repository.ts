import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  In,
  type InsertResult,
  IsNull,
  LessThan,
  MoreThan,
} from 'typeorm';
import {
  ContactEntity,
  InquiryEntity,
  MailboxEntity,
  MessageEntity,
  MessageLocationEntity,
  QuarantinedMessageEntity,
  ThreadEntity,
} from '../../database/entities';
import { isUniqueViolation } from '../../database/unique-violation';
import type { IngestOrigin } from './ingest.types';

type ImapOrigin = Extract<IngestOrigin, { kind: 'imap' }>;

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

  async messageAt(origin: ImapOrigin): Promise<number | null> {
    const location = await this.dataSource.getRepository(MessageLocationEntity).findOne({
      select: { messageId: true },
      where: {
        mailboxId: origin.mailboxId,
        folder: origin.folder,
        uidValidity: origin.uidValidity,
        uid: origin.uid,
      },
    });
    return location?.messageId ?? null;
  }

  async messageIdByDedupKey(dedupKey: string): Promise<number | null> {
    const message = await this.dataSource
      .getRepository(MessageEntity)
      .findOne({ select: { id: true }, where: { dedupKey } });
    return message?.id ?? null;
  }

  /** Stored messages by dedup key, for the keys that have one. */
  async messageIdsByDedupKeys(dedupKeys: string[]): Promise<Map<string, number>> {
    if (dedupKeys.length === 0) return new Map();
    const messages = await this.dataSource
      .getRepository(MessageEntity)
      .find({ select: { id: true, dedupKey: true }, where: { dedupKey: In(dedupKeys) } });
    return new Map(messages.map((message) => [message.dedupKey, message.id]));
  }

  /** Records where a stored message sits; a concurrent identical insert is not an error. */
  async addLocation(
    messageId: number,
    origin: ImapOrigin,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MessageLocationEntity)
      .values({
        messageId,
        mailboxId: origin.mailboxId,
        folder: origin.folder,
        uidValidity: origin.uidValidity,
        uid: origin.uid,
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
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

  async findQuarantined(
    origin: IngestOrigin,
    rawSha256: string,
  ): Promise<QuarantinedMessageEntity | null> {
    const repository = this.dataSource.getRepository(QuarantinedMessageEntity);
    if (origin.kind === 'imap') {
      return repository.findOneBy({
        mailboxId: origin.mailboxId,
        folder: origin.folder,
        uidValidity: origin.uidValidity,
        uid: origin.uid,
      });
    }
    return repository.findOneBy({ rawSha256, mailboxId: IsNull(), importSource: origin.source });
  }

  quarantine(
    origin: IngestOrigin,
    rawSha256: string,
    reason: string,
  ): Promise<QuarantinedMessageEntity> {
    const repository = this.dataSource.getRepository(QuarantinedMessageEntity);
    return repository.save(
      repository.create({
        mailboxId: origin.kind === 'imap' ? origin.mailboxId : null,
        folder: origin.kind === 'imap' ? origin.folder : null,
        uidValidity: origin.kind === 'imap' ? origin.uidValidity : null,
        uid: origin.kind === 'imap' ? origin.uid : null,
        importSource: origin.kind === 'import' ? origin.source.slice(0, 1000) : null,
        rawSha256,
        reason: reason.slice(0, 2000),
        createdAt: new Date(),
      }),
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
  async saveTriage(inquiryId: number, columns: TriageColumns): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(InquiryEntity)
      .update({ id: inquiryId, triagedAt: IsNull() }, { ...columns, updatedAt: new Date() });
    return result.affected === 1;
  }

  /** Fills what triage learned about a contact into the fields still empty. */
  async completeContact(
    contactId: number,
    details: { company?: string; country?: string },
  ): Promise<void> {
    const repository = this.dataSource.getRepository(ContactEntity);
    const existing = await repository.findOneBy({ id: contactId });
    if (!existing) return;
    const changes: Partial<ContactEntity> = {};
    if (!existing.company && details.company) changes.company = details.company.slice(0, 500);
    if (!existing.country && details.country) changes.country = details.country;
    if (Object.keys(changes).length > 0)
      await repository.update({ id: contactId }, { ...changes, updatedAt: new Date() });
  }

  /**
   * Finds or creates the contact; the unique address index settles concurrent creations.
   * `created` says this call made it, so nothing stored can point at it yet.
   */
  async upsertContact(
    address: string,
    name: string,
    details: { company?: string; country?: string },
  ): Promise<{ id: number; created: boolean }> {
    const repository = this.dataSource.getRepository(ContactEntity);
    const existing = await repository.findOneBy({ address });
    const now = new Date();
    if (existing) {
      const changes: Partial<ContactEntity> = {};
      if (!existing.name && name) changes.name = name.slice(0, 500);
      if (!existing.company && details.company) changes.company = details.company.slice(0, 500);
      if (!existing.country && details.country) changes.country = details.country;
      if (Object.keys(changes).length > 0)
        await repository.update({ id: existing.id }, { ...changes, updatedAt: now });
      return { id: existing.id, created: false };
    }
    // A plain INSERT reports the new id on both databases (an ignored INSERT OR IGNORE on
    // SQLite reports a stale one); when another worker created the contact first, use theirs.
    try {
      const id = await insertedId(
        repository.insert({
          address,
          name: name.slice(0, 500),
          company: details.company?.slice(0, 500) ?? null,
          country: details.country ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { id, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { id: (await repository.findOneByOrFail({ address })).id, created: false };
    }
  }

  /** The thread of the newest stored message among those this one refers to. */
  async threadOfReferenced(dedupKeys: string[]): Promise<number | null> {
    if (dedupKeys.length === 0) return null;
    const message = await this.dataSource.getRepository(MessageEntity).findOne({
      select: { threadId: true },
      where: { dedupKey: In(dedupKeys), threadId: MoreThan(0) },
      order: { id: 'DESC' },
    });
    return message?.threadId ?? null;
  }

  async threadBySubject(
    normalisedSubject: string,
    contactId: number,
    since: Date,
  ): Promise<number | null> {
    const thread = await this.dataSource.getRepository(ThreadEntity).findOne({
      select: { id: true },
      where: { normalisedSubject, contactId, lastMessageAt: MoreThan(since) },
      order: { lastMessageAt: 'DESC' },
    });
    return thread?.id ?? null;
  }

  createThread(
    manager: EntityManager,
    thread: Omit<ThreadEntity, 'id' | 'contact'>,
  ): Promise<number> {
    return insertedId(manager.insert(ThreadEntity, thread));
  }

  async touchThread(manager: EntityManager, threadId: number, at: Date): Promise<void> {
    await manager.update(
      ThreadEntity,
      { id: threadId, lastMessageAt: LessThan(at) },
      { lastMessageAt: at },
    );
  }

  insertMessage(
    manager: EntityManager,
    message: Omit<MessageEntity, 'id' | 'thread' | 'contact'>,
  ): Promise<number> {
    return insertedId(manager.insert(MessageEntity, message));
  }

  insertInquiry(
    manager: EntityManager,
    inquiry: Omit<InquiryEntity, 'id' | 'message' | 'mailbox' | 'thread' | 'contact'>,
  ): Promise<number> {
    return insertedId(manager.insert(InquiryEntity, inquiry));
  }
}

/**
 * A plain INSERT rather than `save()`: the rows are new, so the entity diffing and reloading
 * that `save()` does per row is pure cost on the ingestion path.
 */
async function insertedId(insert: Promise<InsertResult>): Promise<number> {
  const id: unknown = (await insert).identifiers[0]?.id;
  if (typeof id !== 'number') throw new Error(`INSERT returned no id (got ${String(id)})`);
  return id;
}
