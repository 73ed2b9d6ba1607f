import { Injectable } from '@nestjs/common';
import { attachmentContent } from '@inquiry/mail';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { MessageEntity } from '../../database/entities';
import { BlobStore } from '../../storage/blob-store';
import { MessagesRepository } from './messages.repository';

export interface Download {
  filename: string;
  contentType: string;
  content: Buffer;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly blobs: BlobStore,
  ) {}

  /** The message exactly as received, byte for byte. */
  async raw(id: number): Promise<Download> {
    const message = await this.find(id);
    return {
      filename: `message-${id}.eml`,
      contentType: 'message/rfc822',
      content: await this.blobs.get(message.rawSha256),
    };
  }

  /**
   * Attachments are cut out of the stored raw message when asked for, so the store keeps one
   * authoritative copy of every byte; the SHA-256 recorded at ingestion picks the part.
   */
  async attachment(id: number, sha256: string): Promise<Download> {
    const message = await this.find(id);
    const info = message.attachments.find((attachment) => attachment.sha256 === sha256);
    if (!info) throw attachmentNotFound(id, sha256);
    const content = await attachmentContent(await this.blobs.get(message.rawSha256), sha256);
    if (!content) throw attachmentNotFound(id, sha256);
    return { filename: info.filename || 'attachment', contentType: info.contentType, content };
  }

  private async find(id: number): Promise<MessageEntity> {
    const message = await this.repository.findById(id);
    if (!message) throw new DomainError(ErrorCode.MessageNotFound, `message ${id} does not exist`);
    return message;
  }
}

function attachmentNotFound(id: number, sha256: string): DomainError {
  return new DomainError(ErrorCode.AttachmentNotFound, `message ${id} has no attachment ${sha256}`);
}
