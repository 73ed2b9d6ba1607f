import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SampleOfferEntity, SamplePolicyEntity } from '../../database/entities';

@Injectable()
export class SamplesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The company has one policy: the first row. */
  async policy(): Promise<SamplePolicyEntity | null> {
    const [policy] = await this.dataSource
      .getRepository(SamplePolicyEntity)
      .find({ order: { id: 'ASC' }, take: 1 });
    return policy ?? null;
  }

  async savePolicy(values: Omit<SamplePolicyEntity, 'id'>): Promise<SamplePolicyEntity> {
    const repository = this.dataSource.getRepository(SamplePolicyEntity);
    const existing = await this.policy();
    return repository.save(existing ? { ...existing, ...values } : repository.create(values));
  }

  insertOffer(offer: Omit<SampleOfferEntity, 'id' | 'inquiry'>): Promise<SampleOfferEntity> {
    const repository = this.dataSource.getRepository(SampleOfferEntity);
    return repository.save(repository.create(offer));
  }

  findOffer(id: number): Promise<SampleOfferEntity | null> {
    return this.dataSource.getRepository(SampleOfferEntity).findOneBy({ id });
  }
}
