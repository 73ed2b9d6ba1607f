import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn, LARGE_TEXT } from '../columns';
import { InquiryEntity } from './inquiry.entity';

/** A line as stored: prices are decimal strings in the quote's currency, never floats. */
export interface StoredQuoteLine {
  product: string;
  model: string;
  specs: string[];
  quantity: number;
  moq: number;
  hsCode: string;
  priceBreaks: Array<{ minQuantity: number; unitPrice: string }>;
}

/**
 * One revision of a quotation. Revising inserts a new row that supersedes the previous one,
 * so what the buyer was sent stays on record.
 */
@Entity('quotes')
@Index('UQ_quotes_number_revision', ['number', 'revision'], { unique: true })
export class QuoteEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_quotes_inquiry')
  @Column({ type: 'int' })
  inquiryId!: number;

  @ManyToOne(() => InquiryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id', foreignKeyConstraintName: 'FK_quotes_inquiry' })
  inquiry?: InquiryEntity;

  @Column({ type: 'varchar', length: 40 })
  number!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Index('IDX_quotes_supersedes')
  @Column({ type: 'int', nullable: true })
  supersedesId!: number | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_quotes_supersedes' })
  supersedes?: QuoteEntity | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  revisionReason!: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 200 })
  buyerName!: string;

  @Column({ type: 'varchar', length: 500 })
  buyerCompany!: string;

  @Column(jsonColumn())
  lines!: StoredQuoteLine[];

  @Column({ type: 'varchar', length: 3 })
  incotermCode!: string;

  @Column({ type: 'varchar', length: 200 })
  incotermPlace!: string;

  @Column({ type: 'varchar', length: 200 })
  portOfLoading!: string;

  @Column({ type: 'varchar', length: 500 })
  paymentTerms!: string;

  @Column({ type: 'varchar', length: 1000 })
  packing!: string;

  @Column({ type: 'int' })
  leadTimeMinDays!: number;

  @Column({ type: 'int' })
  leadTimeMaxDays!: number;

  /** Calendar dates (YYYY-MM-DD) in `timeZone`, the seller's. */
  @Column({ type: 'varchar', length: 10 })
  issuedOn!: string;

  @Index('IDX_quotes_valid_until')
  @Column({ type: 'varchar', length: 10 })
  validUntil!: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: LARGE_TEXT, nullable: true })
  notes!: string | null;

  /** Sum of the rounded line amounts, as a decimal string. */
  @Column({ type: 'varchar', length: 40 })
  totalAmount!: string;

  /** The buyer's language the PDF and cover mail are written in. */
  @Column({ type: 'varchar', length: 16 })
  locale!: string;

  /** Days after sending at which to chase, e.g. [3, 7, 14]. */
  @Column(jsonColumn())
  followUpDays!: number[];

  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Column(dateColumn({ nullable: true }))
  sentAt!: Date | null;

  @Column(dateColumn())
  createdAt!: Date;
}
