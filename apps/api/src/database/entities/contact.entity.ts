import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';

/** A buyer (or other correspondent), identified by e-mail address. */
@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_contacts_address', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  address!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  company!: string | null;

  /** ISO 3166-1 alpha-2, when known. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}
