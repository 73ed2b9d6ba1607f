import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn } from '../columns';
import { ContactEntity } from './contact.entity';
import { MailboxEntity } from './mailbox.entity';
import { MessageEntity } from './message.entity';
import { ThreadEntity } from './thread.entity';

export const INQUIRY_STATUSES = ['new', 'open', 'replied', 'closed', 'rejected'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const VERDICTS = ['clean', 'spam', 'scam', 'spy'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const TIERS = ['A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

/** A triage signal as stored: the explanation is rendered from the id at display time. */
export interface StoredSignal {
  id: string;
  class: string;
  weight: number;
  detail: string;
}

/** One buyer message that needs handling. */
@Entity('inquiries')
@Index('IDX_inquiries_received', ['receivedAt', 'id'])
@Index('IDX_inquiries_status_received', ['status', 'receivedAt'])
@Index('IDX_inquiries_verdict_override_at', ['verdictOverrideAt'])
/** A mailbox's pending inquiries (triagedAt null); the primary key ends the index, in id order. */
@Index('IDX_inquiries_pending', ['mailboxId', 'triagedAt'])
export class InquiryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_inquiries_message', { unique: true })
  @Column({ type: 'int' })
  messageId!: number;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'FK_inquiries_message' })
  message?: MessageEntity;

  /** The mailbox it arrived in; null for imported mail. */
  @Column({ type: 'int', nullable: true })
  mailboxId!: number | null;

  @ManyToOne(() => MailboxEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'FK_inquiries_mailbox' })
  mailbox?: MailboxEntity | null;

  @Column({ type: 'int', nullable: true })
  threadId!: number | null;

  @ManyToOne(() => ThreadEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'FK_inquiries_thread' })
  thread?: ThreadEntity | null;

  @Column({ type: 'int', nullable: true })
  contactId!: number | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_inquiries_contact' })
  contact?: ContactEntity | null;

  @Column({ type: 'varchar', length: 16 })
  status!: InquiryStatus;

  @Index('IDX_inquiries_assignee')
  @Column({ type: 'varchar', length: 200, nullable: true })
  assignee!: string | null;

  /** Null until triaged. */
  @Index('IDX_inquiries_verdict')
  @Column({ type: 'varchar', length: 8, nullable: true })
  verdict!: Verdict | null;

  @Column({ type: 'int', nullable: true })
  spamScore!: number | null;

  @Column({ type: 'int', nullable: true })
  scamScore!: number | null;

  @Column({ type: 'int', nullable: true })
  spyScore!: number | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  tier!: Tier | null;

  /** ISO 639-1, or `und`. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @Column(dateColumn({ nullable: true }))
  slaDueAt!: Date | null;

  @Column(jsonColumn({ nullable: true }))
  signals!: StoredSignal[] | null;

  @Column(dateColumn({ nullable: true }))
  triagedAt!: Date | null;

  /** Simhash of the buyer's words (`TriageResult.fingerprint`), for near-duplicate checks. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fingerprint!: string | null;

  /** A rep's correction of the verdict, kept apart so it can be exported as labelled data. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  verdictOverride!: Verdict | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  verdictOverrideBy!: string | null;

  @Column(dateColumn({ nullable: true }))
  verdictOverrideAt!: Date | null;

  /** When the buyer sent it (Date header, else when we received it): the list's time axis. */
  @Column(dateColumn())
  receivedAt!: Date;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
