import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ApiTokenEntity, ApiTokenRole } from '../../database/entities';
import { ApiTokensRepository } from './api-tokens.repository';

const TOKEN_PREFIX = 'inq_';
const TOUCH_INTERVAL_MS = 60_000;

export interface IssuedToken {
  id: number;
  name: string;
  role: ApiTokenRole;
  /** Shown once; only its hash is stored. */
  token: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async issue(name: string, role: ApiTokenRole = 'admin'): Promise<IssuedToken> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const entity = await this.tokens.create(name, hashToken(token), role, new Date());
    return { id: entity.id, name: entity.name, role: entity.role, token };
  }

  /** The token's record when `token` is valid, else null. */
  async authenticate(token: string): Promise<ApiTokenEntity | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const entity = await this.tokens.findByHash(hashToken(token));
    if (!entity) return null;
    const now = new Date();
    // Only once a minute, so that busy clients do not turn every request into a write.
    if (!entity.lastUsedAt || now.getTime() - entity.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.tokens.setLastUsed(entity.id, now);
    }
    return entity;
  }
}
