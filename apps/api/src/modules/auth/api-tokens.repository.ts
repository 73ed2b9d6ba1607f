import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { ApiTokenEntity, type ApiTokenRole } from '../../database/entities';

@Injectable()
export class ApiTokensRepository {
  private readonly tokens: Repository<ApiTokenEntity>;

  constructor(dataSource: DataSource) {
    this.tokens = dataSource.getRepository(ApiTokenEntity);
  }

  create(name: string, tokenHash: string, role: ApiTokenRole, now: Date): Promise<ApiTokenEntity> {
    return this.tokens.save(
      this.tokens.create({ name, tokenHash, role, createdAt: now, lastUsedAt: null }),
    );
  }

  findByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  findAll(): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ order: { name: 'ASC' } });
  }

  /** True when a token had that name. */
  async deleteByName(name: string): Promise<boolean> {
    const result = await this.tokens.delete({ name });
    return (result.affected ?? 0) > 0;
  }

  async setLastUsed(id: number, now: Date): Promise<void> {
    await this.tokens.update({ id }, { lastUsedAt: now });
  }
}
