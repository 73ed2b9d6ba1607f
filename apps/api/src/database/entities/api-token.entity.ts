import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../columns';

export const API_TOKEN_ROLES = ['admin', 'manager', 'rep'] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/** A bearer token; only its SHA-256 is stored, so a database leak does not leak access. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_api_tokens_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('UQ_api_tokens_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: ApiTokenRole;

  @Column(dateColumn())
  createdAt!: Date;

  @Column(dateColumn({ nullable: true }))
  lastUsedAt!: Date | null;
}
