import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';
import { DraftEntity } from './draft.entity';
import { MailboxEntity } from './mailbox.entity';

export const OUTBOUND_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboundState = (typeof OUTBOUND_STATES)[number];

/**
 * One draft on its way out. The MIME bytes and their Message-ID are fixed before the first
 * attempt, and every state change is a conditional update, so a retry re-sends the same
 * message at most once it is known not to have gone.
 */
@Entity('outbound_messages')
export class OutboundMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_outbound_messages_draft', { unique: true })
  @Column({ type: 'int' })
  draftId!: number;

  @ManyToOne(() => DraftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'FK_outbound_messages_draft' })
  draft?: DraftEntity;

  @Column({ type: 'int' })
  mailboxId!: number;

  @ManyToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'FK_outbound_messages_mailbox' })
  mailbox?: MailboxEntity;

  /** The client's Idempotency-Key of the send request that created this row. */
  @Index('UQ_outbound_messages_idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  /** Our own Message-ID, without angle brackets. */
  @Index('UQ_outbound_messages_message_id', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  messageIdHeader!: string;

  /** The exact bytes handed to SMTP and appended to Sent. */
  @Column({ type: 'varchar', length: 64 })
  rawSha256!: string;

  @Column({ type: 'varchar', length: 320 })
  toAddress!: string;

  @Index('IDX_outbound_messages_state')
  @Column({ type: 'varchar', length: 16 })
  state!: OutboundState;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  smtpResponse!: string | null;

  @Column(dateColumn({ nullable: true }))
  sendingSince!: Date | null;

  @Column(dateColumn({ nullable: true }))
  sentAt!: Date | null;

  @Column(dateColumn({ nullable: true }))
  failedAt!: Date | null;

  /** The IMAP folder the copy went to, once appended. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  sentFolder!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  appendError!: string | null;

  /** The stored message (messages.id), so the thread shows what was sent. */
  @Column({ type: 'int', nullable: true })
  storedMessageId!: number | null;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
