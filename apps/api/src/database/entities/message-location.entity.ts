import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, uint32Column } from '../columns';
import { MailboxEntity } from './mailbox.entity';
import { MessageEntity } from './message.entity';

/** Where a message sits on an IMAP server: the identity IMAP sync deduplicates by. */
@Entity('message_locations')
@Index('UQ_message_locations_position', ['mailboxId', 'folder', 'uidValidity', 'uid'], {
  unique: true,
})
export class MessageLocationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  messageId!: number;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'FK_message_locations_message' })
  message?: MessageEntity;

  @Column({ type: 'int' })
  mailboxId!: number;

  @ManyToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'FK_message_locations_mailbox' })
  mailbox?: MailboxEntity;

  @Column({ type: 'varchar', length: 255 })
  folder!: string;

  @Column(uint32Column())
  uidValidity!: number;

  @Column(uint32Column())
  uid!: number;

  @Column(dateColumn())
  createdAt!: Date;
}
