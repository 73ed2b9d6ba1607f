import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';
import { QuoteEntity } from './quote.entity';
import { ThreadEntity } from './thread.entity';

export const FOLLOW_UP_STATUSES = ['pending', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** One scheduled chase of a sent quote; the buyer answering in the thread cancels the rest. */
@Entity('follow_ups')
@Index('UQ_follow_ups_quote_step', ['quoteId', 'step'], { unique: true })
@Index('IDX_follow_ups_rep_status_due', ['rep', 'status', 'dueAt'])
export class FollowUpEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  quoteId!: number;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id', foreignKeyConstraintName: 'FK_follow_ups_quote' })
  quote?: QuoteEntity;

  @Column({ type: 'int' })
  inquiryId!: number;

  @Column({ type: 'int', nullable: true })
  threadId!: number | null;

  @ManyToOne(() => ThreadEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'FK_follow_ups_thread' })
  thread?: ThreadEntity | null;

  @Column({ type: 'varchar', length: 200 })
  rep!: string;

  @Column({ type: 'int' })
  step!: number;

  @Column(dateColumn())
  dueAt!: Date;

  /** When the quote went out. */
  @Column(dateColumn())
  quoteSentAt!: Date;

  /**
   * The quote mail as stored (messages.id): a buyer message stored after it, so with a higher
   * id, answers it. Ids order messages even within one second, which DATETIME cannot.
   */
  @Column({ type: 'int', nullable: true })
  sentMessageId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: FollowUpStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelledReason!: string | null;

  @Column(dateColumn({ nullable: true }))
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  closedBy!: string | null;

  @Column(dateColumn())
  createdAt!: Date;
}
