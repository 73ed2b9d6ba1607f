import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import {
  DraftEntity,
  InquiryEntity,
  MailboxEntity,
  OutboundMessageEntity,
  type OutboundState,
  QuoteEntity,
} from '../../database/entities';

/** The columns of an outbound message a step may change (relations excluded). */
export type OutboundChanges = Partial<Omit<OutboundMessageEntity, 'draft' | 'mailbox'>>;

@Injectable()
export class OutboundRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get outbound() {
    return this.dataSource.getRepository(OutboundMessageEntity);
  }

  byDraft(draftId: number): Promise<OutboundMessageEntity | null> {
    return this.outbound.findOneBy({ draftId });
  }

  byKey(idempotencyKey: string): Promise<OutboundMessageEntity | null> {
    return this.outbound.findOneBy({ idempotencyKey });
  }

  byId(id: number): Promise<OutboundMessageEntity | null> {
    return this.outbound.findOneBy({ id });
  }

  list(state: OutboundState | undefined): Promise<OutboundMessageEntity[]> {
    return this.outbound.find({
      where: state ? { state } : {},
      order: { updatedAt: 'DESC', id: 'DESC' },
      take: 200,
    });
  }

  insert(
    row: Omit<OutboundMessageEntity, 'id' | 'draft' | 'mailbox'>,
  ): Promise<OutboundMessageEntity> {
    return this.outbound.save(this.outbound.create(row));
  }

  /** Moves queued or failed to sending; true only for the one caller that wins. */
  async claim(id: number, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboundMessageEntity)
      .set({ state: 'sending', sendingSince: now, updatedAt: now, attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .andWhere('state IN (:...states)', { states: ['queued', 'failed'] })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async finishAttempt(id: number, changes: OutboundChanges): Promise<void> {
    await this.outbound.update({ id, state: 'sending' }, { ...changes, updatedAt: new Date() });
  }

  /** A send that started before `before` and never finished: the process died mid-send. */
  async failInterrupted(id: number, before: Date, message: string): Promise<void> {
    const now = new Date();
    await this.outbound.update(
      { id, state: 'sending', sendingSince: LessThan(before) },
      { state: 'failed', failedAt: now, lastError: message, updatedAt: now },
    );
  }

  /**
   * Claims the Sent-folder copy for one caller: the folder is marked in progress with ''. A
   * claim older than `abandonedBefore` belonged to a process that died; it can be taken over.
   */
  async claimAppend(id: number, abandonedBefore: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboundMessageEntity)
      .set({ sentFolder: '', updatedAt: new Date() })
      .where('id = :id AND state = :sent', { id, sent: 'sent' })
      .andWhere("(sent_folder IS NULL OR (sent_folder = '' AND updated_at < :abandonedBefore))", {
        abandonedBefore,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Delivered messages whose Sent copy or later steps are not all recorded (the draft is
   * marked sent last), and that nobody has touched since `idleBefore`.
   */
  unfinished(idleBefore: Date, limit: number): Promise<OutboundMessageEntity[]> {
    return this.dataSource
      .getRepository(OutboundMessageEntity)
      .createQueryBuilder('o')
      .where('o.state = :sent', { sent: 'sent' })
      .andWhere('o.updated_at < :idleBefore', { idleBefore })
      .andWhere(
        "(o.sent_folder IS NULL OR o.sent_folder = '' OR EXISTS " +
          '(SELECT 1 FROM drafts d WHERE d.id = o.draft_id AND d.status <> :draftSent))',
        { draftSent: 'sent' },
      )
      .orderBy('o.id', 'ASC')
      .take(limit)
      .getMany();
  }

  async update(id: number, changes: OutboundChanges): Promise<void> {
    await this.outbound.update({ id }, { ...changes, updatedAt: new Date() });
  }

  mailbox(id: number): Promise<MailboxEntity | null> {
    return this.dataSource.getRepository(MailboxEntity).findOneBy({ id });
  }

  async markDraftSent(draftId: number): Promise<void> {
    await this.dataSource
      .getRepository(DraftEntity)
      .update({ id: draftId }, { status: 'sent', updatedAt: new Date() });
  }

  async markInquiryReplied(inquiryId: number): Promise<void> {
    await this.dataSource
      .getRepository(InquiryEntity)
      .update(
        { id: inquiryId, status: In(['new', 'open']) },
        { status: 'replied', updatedAt: new Date() },
      );
  }

  /** Records when a quote first went out; a resend of the cover mail does not move it. */
  async markQuoteSent(quoteId: number, sentAt: Date): Promise<QuoteEntity | null> {
    const quotes = this.dataSource.getRepository(QuoteEntity);
    await quotes.update({ id: quoteId, sentAt: IsNull() }, { sentAt });
    return quotes.findOneBy({ id: quoteId });
  }

  async threadOfMessage(messageId: number): Promise<number | null> {
    const inquiry = await this.dataSource
      .getRepository(InquiryEntity)
      .findOne({ select: { threadId: true }, where: { messageId } });
    return inquiry?.threadId ?? null;
  }
}
