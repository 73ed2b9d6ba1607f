import type { FreightPayer, SampleOfferKind, SampleOfferReason } from '@inquiry/templates';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn } from '../columns';
import { InquiryEntity } from './inquiry.entity';

export interface StoredSampleItem {
  sku: string;
  description: string;
  quantity: number;
  /** Decimal string in the offer's currency. */
  unitValue: string;
}

/** The company sample policy applied to one inquiry: what we offer and on which terms. */
@Entity('sample_offers')
export class SampleOfferEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_sample_offers_inquiry')
  @Column({ type: 'int' })
  inquiryId!: number;

  @ManyToOne(() => InquiryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiry_id', foreignKeyConstraintName: 'FK_sample_offers_inquiry' })
  inquiry?: InquiryEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: SampleOfferKind;

  @Column({ type: 'varchar', length: 40 })
  reason!: SampleOfferReason;

  @Column(jsonColumn())
  items!: StoredSampleItem[];

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 40 })
  sampleValue!: string;

  @Column({ type: 'varchar', length: 40 })
  fee!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  freightPayer!: FreightPayer | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  courier!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  courierAccount!: string | null;

  /** The fee is credited against a first order of at least this many units. */
  @Column({ type: 'int', nullable: true })
  creditOnOrderOfAtLeast!: number | null;

  @Column({ type: 'varchar', length: 200 })
  createdBy!: string;

  @Column(dateColumn())
  createdAt!: Date;
}
