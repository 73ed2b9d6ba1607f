import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { validationError } from '../../common/validation';
import { SecretBox } from '../../crypto/secret-box';
import { NEVER_SYNCED, type MailboxEntity } from '../../database/entities';
import type {
  ConnectionTestResponseDto,
  CreateMailboxDto,
  MailboxResponseDto,
  UpdateMailboxDto,
} from './mailboxes.dto';
import { MailboxSyncService } from '../sync/mailbox-sync.service';
import { MailboxConnectionTester } from './mailbox-connection.tester';
import { MailboxesRepository } from './mailboxes.repository';

@Injectable()
export class MailboxesService {
  constructor(
    private readonly repository: MailboxesRepository,
    private readonly secrets: SecretBox,
    private readonly tester: MailboxConnectionTester,
    private readonly sync: MailboxSyncService,
  ) {}

  async list(): Promise<MailboxResponseDto[]> {
    return (await this.repository.list()).map(toResponse);
  }

  async get(id: number): Promise<MailboxResponseDto> {
    return toResponse(await this.find(id));
  }

  async create(dto: CreateMailboxDto): Promise<MailboxResponseDto> {
    assertWholeSmtpServer(dto.smtpHost ?? null, dto.smtpPort ?? null, dto);
    const now = new Date();
    const mailbox = await this.repository.create({
      name: dto.name,
      address: dto.address.toLowerCase(),
      imapHost: dto.imapHost,
      imapPort: dto.imapPort,
      imapSecure: dto.imapSecure ?? true,
      imapUser: dto.imapUser,
      imapPasswordEncrypted: this.secrets.encrypt(dto.imapPassword),
      smtpHost: dto.smtpHost ?? null,
      smtpPort: dto.smtpPort ?? null,
      smtpSecure: dto.smtpHost ? (dto.smtpSecure ?? true) : null,
      smtpUser: dto.smtpUser ?? null,
      smtpPasswordEncrypted: dto.smtpPassword ? this.secrets.encrypt(dto.smtpPassword) : null,
      folders: dto.folders ?? null,
      enabled: dto.enabled ?? true,
      ...NEVER_SYNCED,
      createdAt: now,
      updatedAt: now,
    });
    return toResponse(mailbox);
  }

  async update(id: number, dto: UpdateMailboxDto): Promise<MailboxResponseDto> {
    const stored = await this.find(id);
    const { imapPassword, smtpPassword, address, smtpHost, smtpSecure, ...plain } = dto;
    const host = smtpHost === undefined ? stored.smtpHost : smtpHost;
    const port = smtpHost === null ? null : (dto.smtpPort ?? stored.smtpPort);
    assertWholeSmtpServer(host, port, dto);
    const smtp =
      host === null
        ? {
            smtpHost: null,
            smtpPort: null,
            smtpSecure: null,
            smtpUser: null,
            smtpPasswordEncrypted: null,
          }
        : {
            smtpHost: host,
            smtpSecure: smtpSecure ?? stored.smtpSecure ?? true,
            ...(smtpPassword !== undefined
              ? { smtpPasswordEncrypted: this.secrets.encrypt(smtpPassword) }
              : {}),
          };
    await this.repository.update(id, {
      ...plain,
      ...smtp,
      ...(address !== undefined ? { address: address.toLowerCase() } : {}),
      ...(imapPassword !== undefined
        ? { imapPasswordEncrypted: this.secrets.encrypt(imapPassword) }
        : {}),
      updatedAt: new Date(),
    });
    // A sync running here signs in, reads folders or lets go by the new settings at once.
    this.sync.reload(id);
    return this.get(id);
  }

  /**
   * Stored messages stay (they may sit in other mailboxes too); their locations here go, and
   * inquiries whose messages another mailbox holds move to it.
   */
  async delete(id: number): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFound(id);
    this.sync.reload(id);
  }

  async testConnection(id: number): Promise<ConnectionTestResponseDto> {
    const mailbox = await this.find(id);
    const [imap, smtp] = await Promise.all([
      this.tester.testImap(mailbox),
      this.tester.testSmtp(mailbox),
    ]);
    return { imap, smtp };
  }

  private async find(id: number): Promise<MailboxEntity> {
    const mailbox = await this.repository.findById(id);
    if (!mailbox) throw notFound(id);
    return mailbox;
  }
}

const SMTP_DETAILS = ['smtpPort', 'smtpSecure', 'smtpUser', 'smtpPassword'] as const;

/**
 * An SMTP server is a host and a port (sign-in optional), set up and removed as a whole:
 * details without a host, or a host without a port, would leave a server the mailbox cannot
 * send through while the API reported it as set.
 */
function assertWholeSmtpServer(
  host: string | null,
  port: number | null,
  given: Partial<Record<(typeof SMTP_DETAILS)[number], unknown>>,
): void {
  const fields =
    host === null
      ? SMTP_DETAILS.filter((field) => given[field] !== undefined).map((field) => ({
          field,
          reason: `${field} needs smtpHost; without it the mailbox has no SMTP server`,
        }))
      : port === null
        ? [{ field: 'smtpPort', reason: 'smtpPort is needed with smtpHost' }]
        : [];
  if (fields.length > 0) throw validationError(fields);
}

function notFound(id: number): DomainError {
  return new DomainError(ErrorCode.MailboxNotFound, `mailbox ${id} does not exist`);
}

function toResponse(mailbox: MailboxEntity): MailboxResponseDto {
  return {
    id: mailbox.id,
    name: mailbox.name,
    address: mailbox.address,
    imapHost: mailbox.imapHost,
    imapPort: mailbox.imapPort,
    imapSecure: mailbox.imapSecure,
    imapUser: mailbox.imapUser,
    smtpHost: mailbox.smtpHost,
    smtpPort: mailbox.smtpPort,
    smtpSecure: mailbox.smtpSecure,
    smtpUser: mailbox.smtpUser,
    folders: mailbox.folders,
    enabled: mailbox.enabled,
    lastSuccessAt: mailbox.lastSuccessAt,
    lastError: mailbox.lastError,
    lastErrorAt: mailbox.lastErrorAt,
    consecutiveFailures: mailbox.consecutiveFailures,
    createdAt: mailbox.createdAt,
    updatedAt: mailbox.updatedAt,
  };
}
