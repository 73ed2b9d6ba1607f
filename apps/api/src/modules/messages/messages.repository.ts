import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageEntity } from '../../database/entities';

@Injectable()
export class MessagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number): Promise<MessageEntity | null> {
    return this.dataSource.getRepository(MessageEntity).findOne({
      select: { id: true, rawSha256: true, subject: true, attachments: true },
      where: { id },
    });
  }
}
