import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, uint32Column } from '../columns';
import { MailboxEntity } from './mailbox.entity';

/** The IMAP sync cursor of one folder: where the last sync stopped. */
@Entity('mailbox_folder_states')
@Index('UQ_mailbox_folder_states_mailbox_folder', ['mailboxId', 'folder'], { unique: true })
export class MailboxFolderStateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  mailboxId!: number;

  @ManyToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'FK_mailbox_folder_states_mailbox' })
  mailbox?: MailboxEntity;

  @Column({ type: 'varchar', length: 255 })
  folder!: string;

  @Column(uint32Column())
  uidValidity!: number;

  @Column(uint32Column())
  highestUid!: number;

  /** HIGHESTMODSEQ (CONDSTORE) is 63-bit, beyond a JS number; null when the server lacks it. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  highestModseq!: string | null;

  @Column({ type: 'int', nullable: true })
  messagesOnServer!: number | null;

  @Column(dateColumn({ nullable: true }))
  lastSyncedAt!: Date | null;
}
