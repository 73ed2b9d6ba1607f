import type { ForbiddenPhraseHit } from '@inquiry/templates';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn, LARGE_TEXT } from '../columns';
import { InquiryEntity } from './inquiry.entity';

export const DRAFT_KINDS = ['reply', 'sample-offer', 'quote-cover'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_STATUSES = ['editing', 'approved', 'sent'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A file sent with the draft, kept in the blob store. */
export interface DraftAttachment {
  filename: string;
  contentType: string;
  sha256: string;
  size: number;
}

/**
 * A reply a rep is preparing for an inquiry. It remembers the template and variables it was
 * rendered from, so switching language re-renders it; once sent it is never changed again.
 */
@Entity('drafts')
export class DraftEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_drafts_inquiry')
  @Column({ type: 'int' })
  inquiryId!: number;

  @ManyToOne(() => InquiryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id', foreignKeyConstraintName: 'FK_drafts_inquiry' })
  inquiry?: InquiryEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: DraftKind;

  @Column({ type: 'varchar', length: 100 })
  templateId!: string;

  /** Variables as stored: money as `{amount: "85.00", currency}`, dates as YYYY-MM-DD. */
  @Column(jsonColumn())
  variables!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  locale!: string;

  @Column({ type: 'varchar', length: 1000 })
  subject!: string;

  @Column({ type: LARGE_TEXT })
  text!: string;

  @Column(jsonColumn())
  attachments!: DraftAttachment[];

  /** Forbidden phrases found at the last save; empty when clean. */
  @Column(jsonColumn())
  flags!: ForbiddenPhraseHit[];

  @Column({ type: 'varchar', length: 16 })
  status!: DraftStatus;

  @Column({ type: 'int', nullable: true })
  quoteId!: number | null;

  @Column({ type: 'int', nullable: true })
  sampleOfferId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  approvedBy!: string | null;

  @Column(dateColumn({ nullable: true }))
  approvedAt!: Date | null;

  /** Who decided to send despite flagged phrases, and why: kept for review. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  overrideBy!: string | null;

  @Column(dateColumn({ nullable: true }))
  overrideAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  overrideReason!: string | null;

  /**
   * The recipients a rep confirmed for a reply to a Reply-To that triage found suspicious,
   * who and when: sending needs them to match where the reply would go.
   */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  recipientConfirmed!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientConfirmedBy!: string | null;

  @Column(dateColumn({ nullable: true }))
  recipientConfirmedAt!: Date | null;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
