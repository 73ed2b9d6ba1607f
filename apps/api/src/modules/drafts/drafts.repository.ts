import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DraftEntity, InquiryEntity, SenderProfileEntity } from '../../database/entities';

/** An inquiry with the message and buyer a reply is written to. */
export type InquiryForReply = InquiryEntity &
  Required<Pick<InquiryEntity, 'message'>> & { contact?: InquiryEntity['contact'] };

@Injectable()
export class DraftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inquiryForReply(id: number): Promise<InquiryForReply | null> {
    const inquiry = await this.dataSource.getRepository(InquiryEntity).findOne({
      where: { id },
      relations: { message: true, contact: true },
    });
    return inquiry?.message ? (inquiry as InquiryForReply) : null;
  }

  findDraft(id: number): Promise<DraftEntity | null> {
    return this.dataSource.getRepository(DraftEntity).findOneBy({ id });
  }

  draftsOf(inquiryId: number): Promise<DraftEntity[]> {
    return this.dataSource
      .getRepository(DraftEntity)
      .find({ where: { inquiryId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  insertDraft(draft: Omit<DraftEntity, 'id' | 'inquiry'>): Promise<DraftEntity> {
    const repository = this.dataSource.getRepository(DraftEntity);
    return repository.save(repository.create(draft));
  }

  /** Changes a draft unless it has been sent meanwhile; false when it had. */
  async updateUnsent(id: number, changes: Partial<DraftEntity>): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DraftEntity)
      // JSON columns go through their transformer; TypeORM's deep-partial type does not know that.
      .set(changes as QueryDeepPartialEntity<DraftEntity>)
      .where('id = :id AND status <> :sent', { id, sent: 'sent' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  senderProfile(rep: string): Promise<SenderProfileEntity | null> {
    return this.dataSource.getRepository(SenderProfileEntity).findOneBy({ rep });
  }

  async saveSenderProfile(
    profile: Omit<SenderProfileEntity, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<SenderProfileEntity> {
    const repository = this.dataSource.getRepository(SenderProfileEntity);
    const existing = await repository.findOneBy({ rep: profile.rep });
    const now = new Date();
    return repository.save(
      existing
        ? { ...existing, ...profile, updatedAt: now }
        : repository.create({ ...profile, createdAt: now, updatedAt: now }),
    );
  }
}
