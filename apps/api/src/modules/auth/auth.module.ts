import { Module } from '@nestjs/common';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { BearerAuthGuard } from './bearer-auth.guard';

@Module({
  providers: [ApiTokensRepository, ApiTokensService, BearerAuthGuard],
  exports: [ApiTokensService, BearerAuthGuard],
})
export class AuthModule {}
