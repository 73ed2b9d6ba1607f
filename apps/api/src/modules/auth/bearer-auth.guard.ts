import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { ApiTokenEntity } from '../../database/entities';
import { ApiTokensService } from './api-tokens.service';
import { IS_PUBLIC } from './public.decorator';

export interface AuthenticatedRequest extends Request {
  apiToken?: ApiTokenEntity;
}

/** Every route needs `Authorization: Bearer <token>` unless marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'Missing bearer token (Authorization: Bearer <token>)',
      );
    }
    const token = await this.tokens.authenticate(match[1]!);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid or revoked bearer token');
    request.apiToken = token;
    return true;
  }
}
