import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn } from '../columns';

/**
 * How a rep signs: every reply closes with the full signature, and a quotation's letterhead
 * is the rep's company block. Keyed by the rep's name as their API token carries it.
 */
@Entity('sender_profiles')
export class SenderProfileEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_sender_profiles_rep', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  rep!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  company!: string;

  @Column({ type: 'varchar', length: 100 })
  phone!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 500 })
  website!: string;

  /** The company's postal address, printed on quotation letterheads. */
  @Column(jsonColumn())
  addressLines!: string[];

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
