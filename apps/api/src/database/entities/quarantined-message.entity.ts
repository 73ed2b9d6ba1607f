import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, uint32Column } from '../columns';
import { MailboxEntity } from './mailbox.entity';

/** A message that could not be ingested, with why; its raw bytes stay in the blob store. */
@Entity('quarantined_messages')
@Index('IDX_quarantined_messages_position', ['mailboxId', 'folder', 'uidValidity', 'uid'])
export class QuarantinedMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int', nullable: true })
  mailboxId!: number | null;

  @ManyToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'FK_quarantined_messages_mailbox' })
  mailbox?: MailboxEntity | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  folder!: string | null;

  @Column(uint32Column({ nullable: true }))
  uidValidity!: number | null;

  @Column(uint32Column({ nullable: true }))
  uid!: number | null;

  /** File or mbox entry the message was imported from. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  importSource!: string | null;

  /** Null when not even the raw bytes could be fetched. */
  @Index('IDX_quarantined_messages_raw_sha256')
  @Column({ type: 'varchar', length: 64, nullable: true })
  rawSha256!: string | null;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  @Column(dateColumn())
  createdAt!: Date;
}
