import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';
import { ContactEntity } from './contact.entity';

/** A conversation: messages linked by In-Reply-To/References, or by subject with one buyer. */
@Entity('threads')
@Index('IDX_threads_subject_contact', ['normalisedSubject', 'contactId'])
export class ThreadEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 1000 })
  subject!: string;

  /** Subject without reply/forward prefixes, case-folded: the fallback thread key. */
  @Column({ type: 'varchar', length: 255 })
  normalisedSubject!: string;

  @Column({ type: 'int', nullable: true })
  contactId!: number | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_threads_contact' })
  contact?: ContactEntity | null;

  @Column(dateColumn())
  lastMessageAt!: Date;

  @Column(dateColumn())
  createdAt!: Date;
}
