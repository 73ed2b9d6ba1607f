import type { Address, AttachmentInfo, DecodeProblem } from '@inquiry/mail';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn, LARGE_TEXT } from '../columns';
import { ContactEntity } from './contact.entity';
import { ThreadEntity } from './thread.entity';

/**
 * One e-mail, stored once however many mailboxes or folders it sits in (see
 * MessageLocationEntity). The raw RFC 822 bytes live in the blob store under `rawSha256`.
 */
@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `mid:` + SHA-256 of the Message-ID, or `raw:` + SHA-256 of the bytes when it has none. */
  @Index('UQ_messages_dedup_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  dedupKey!: string;

  @Column({ type: 'varchar', length: 998, nullable: true })
  messageId!: string | null;

  @Index('IDX_messages_raw_sha256')
  @Column({ type: 'varchar', length: 64 })
  rawSha256!: string;

  @Column({ type: 'int' })
  rawSize!: number;

  @Column({ type: 'varchar', length: 1000 })
  subject!: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  fromAddress!: string | null;

  @Column({ type: 'varchar', length: 500 })
  fromName!: string;

  @Column(jsonColumn())
  to!: Address[];

  @Column(jsonColumn())
  cc!: Address[];

  /** The Date header; null when missing or unparseable. */
  @Column(dateColumn({ nullable: true }))
  sentAt!: Date | null;

  @Column(jsonColumn())
  headers!: Array<{ name: string; value: string }>;

  @Column({ type: LARGE_TEXT })
  text!: string;

  /** Sanitised HTML, safe to display. */
  @Column({ type: LARGE_TEXT })
  html!: string;

  @Column(jsonColumn())
  attachments!: AttachmentInfo[];

  @Column(jsonColumn())
  problems!: DecodeProblem[];

  @Column({ type: 'varchar', length: 998, nullable: true })
  inReplyTo!: string | null;

  @Column(jsonColumn())
  references!: string[];

  /** Sent from one of our own mailbox addresses (a rep's reply), not by a buyer. */
  @Column({ type: 'boolean' })
  outgoing!: boolean;

  /** Part of the bundled demo inbox, removable as a whole. */
  @Column({ type: 'boolean' })
  demo!: boolean;

  @Column({ type: 'int', nullable: true })
  threadId!: number | null;

  @ManyToOne(() => ThreadEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'FK_messages_thread' })
  thread?: ThreadEntity | null;

  @Column({ type: 'int', nullable: true })
  contactId!: number | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_messages_contact' })
  contact?: ContactEntity | null;

  @Column(dateColumn())
  createdAt!: Date;
}
