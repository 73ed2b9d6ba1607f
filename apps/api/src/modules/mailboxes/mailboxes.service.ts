import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { SecretBox } from '../../crypto/secret-box';
import { NEVER_SYNCED, type MailboxEntity } from '../../database/entities';
import type {
  ConnectionTestResponseDto,
  CreateMailboxDto,
  MailboxResponseDto,
  UpdateMailboxDto,
} from './mailboxes.dto';
import { MailboxConnectionTester } from './mailbox-connection.tester';
import { MailboxesRepository } from './mailboxes.repository';

@Injectable()
export class MailboxesService {
  constructor(
    private readonly repository: MailboxesRepository,
    private readonly secrets: SecretBox,
    private readonly tester: MailboxConnectionTester,
  ) {}

  async list(): Promise<MailboxResponseDto[]> {
    return (await this.repository.list()).map(toResponse);
  }

  async get(id: number): Promise<MailboxResponseDto> {
    return toResponse(await this.find(id));
  }

  async create(dto: CreateMailboxDto): Promise<MailboxResponseDto> {
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
    await this.find(id);
    const { imapPassword, smtpPassword, address, smtpHost, ...plain } = dto;
    const withoutSmtp =
      smtpHost === null
        ? {
            smtpHost: null,
            smtpPort: null,
            smtpSecure: null,
            smtpUser: null,
            smtpPasswordEncrypted: null,
          }
        : {};
    await this.repository.update(id, {
      ...plain,
      ...(smtpHost !== undefined && smtpHost !== null ? { smtpHost } : {}),
      ...withoutSmtp,
      ...(address !== undefined ? { address: address.toLowerCase() } : {}),
      ...(imapPassword !== undefined
        ? { imapPasswordEncrypted: this.secrets.encrypt(imapPassword) }
        : {}),
      ...(smtpPassword !== undefined
        ? { smtpPasswordEncrypted: this.secrets.encrypt(smtpPassword) }
        : {}),
      updatedAt: new Date(),
    });
    return this.get(id);
  }

  /** Stored messages stay (they may sit in other mailboxes too); their locations here go. */
  async delete(id: number): Promise<void> {
    if (!(await this.repository.delete(id))) throw notFound(id);
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
