import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn, jsonColumn } from '../columns';

/** An IMAP mailbox we read inquiries from (and, with SMTP settings, answer from). */
@Entity('mailboxes')
export class MailboxEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The mailbox's own address: mail from it is ours, not a buyer's. */
  @Index('IDX_mailboxes_address')
  @Column({ type: 'varchar', length: 320 })
  address!: string;

  @Column({ type: 'varchar', length: 255 })
  imapHost!: string;

  @Column({ type: 'int' })
  imapPort!: number;

  @Column({ type: 'boolean' })
  imapSecure!: boolean;

  @Column({ type: 'varchar', length: 320 })
  imapUser!: string;

  /** AES-256-GCM sealed (see SecretBox), never the plain password. */
  @Column({ type: 'varchar', length: 2048 })
  imapPasswordEncrypted!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  smtpHost!: string | null;

  @Column({ type: 'int', nullable: true })
  smtpPort!: number | null;

  @Column({ type: 'boolean', nullable: true })
  smtpSecure!: boolean | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  smtpUser!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  smtpPasswordEncrypted!: string | null;

  /** Folders to sync; null means the service default (SYNC_FOLDERS). */
  @Column(jsonColumn({ nullable: true }))
  folders!: string[] | null;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Worker currently holding the sync lease, valid until `leaseExpiresAt`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  leaseOwner!: string | null;

  @Index('IDX_mailboxes_lease_expires_at')
  @Column(dateColumn({ nullable: true }))
  leaseExpiresAt!: Date | null;

  @Column(dateColumn({ nullable: true }))
  lastSuccessAt!: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError!: string | null;

  @Column(dateColumn({ nullable: true }))
  lastErrorAt!: Date | null;

  @Column({ type: 'int' })
  consecutiveFailures!: number;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn())
  updatedAt!: Date;
}

/** The sync state of a mailbox that has never been synced or leased. */
export const NEVER_SYNCED = {
  leaseOwner: null,
  leaseExpiresAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  consecutiveFailures: 0,
} satisfies Partial<MailboxEntity>;
