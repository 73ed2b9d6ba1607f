/**
 * Public surface of the service package: the HTTP app for `main.ts` and tests, and the
 * service context the `inquiry` CLI runs its database commands in.
 */
export { createApp, API_PREFIX } from './app.factory';
export {
  createCliContext,
  type CliContextOptions,
  type ServiceWarningSink,
} from './service-context';
export { SecretBoxError } from './crypto/secret-box';
export { AppConfig, ConfigError, loadConfig, type DatabaseConfig } from './config/app-config';
export { DomainError, ErrorCode } from './common/domain-error';
export {
  ApiTokensService,
  type IssuedToken,
  type TokenSummary,
} from './modules/auth/api-tokens.service';
export { API_TOKEN_ROLES, type ApiTokenRole } from './database/entities';
export { ImportsService, type ImportReport } from './modules/imports/imports.service';
export { DemoService } from './modules/demo/demo.service';
export { MessageIngestService } from './modules/ingest/message-ingest.service';
export type { IngestOrigin, IngestResult } from './modules/ingest/ingest.types';
export type { INestApplicationContext as ServiceContext } from '@nestjs/common';
