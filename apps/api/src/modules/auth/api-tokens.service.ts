import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { ApiTokenEntity, ApiTokenRole } from '../../database/entities';
import { isUniqueViolation } from '../../database/unique-violation';
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

/** What may be shown about a token: never the token or its hash. */
export interface TokenSummary {
  name: string;
  role: ApiTokenRole;
  createdAt: Date;
  lastUsedAt: Date | null;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  /**
   * A name is who acts with the token (verdict overrides and drafts record it), so it is
   * unique: two tokens named alike could not be told apart in the record or revoked one by one.
   */
  async issue(name: string, role: ApiTokenRole = 'admin'): Promise<IssuedToken> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    let entity: ApiTokenEntity;
    try {
      entity = await this.tokens.create(name, hashToken(token), role, new Date());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(ErrorCode.ValidationFailed, `a token named '${name}' already exists`, [
        { field: 'name', reason: 'already used by another token; revoke it first or pick another' },
      ]);
    }
    return { id: entity.id, name: entity.name, role: entity.role, token };
  }

  async list(): Promise<TokenSummary[]> {
    const tokens = await this.tokens.findAll();
    return tokens.map(({ name, role, createdAt, lastUsedAt }) => ({
      name,
      role,
      createdAt,
      lastUsedAt,
    }));
  }

  /** Removes the token, so its next request is refused. False when no token has that name. */
  revoke(name: string): Promise<boolean> {
    return this.tokens.deleteByName(name);
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
