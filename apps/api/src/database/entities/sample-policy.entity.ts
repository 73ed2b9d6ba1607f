import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';

/** The company's sample rules (one row): what is free, what is paid and credited, and to whom. */
@Entity('sample_policies')
export class SamplePolicyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** Decimal string; samples worth up to this much are free. "0" disables free samples. */
  @Column({ type: 'varchar', length: 40 })
  freeUpToValue!: string;

  /** Paid samples are credited on a first order of at least this quantity; null means no paid samples. */
  @Column({ type: 'int', nullable: true })
  creditOnOrderOfAtLeast!: number | null;

  @Column({ type: 'boolean' })
  requireVerifiedBuyer!: boolean;

  @Column({ type: 'int' })
  dispatchDays!: number;

  @Column({ type: 'varchar', length: 200 })
  updatedBy!: string;

  @Column(dateColumn())
  updatedAt!: Date;
}
