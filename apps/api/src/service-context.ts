import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { AuthModule } from './modules/auth/auth.module';
import { DemoModule } from './modules/demo/demo.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IngestModule } from './modules/ingest/ingest.module';

/** The service without HTTP or sync worker: what the CLI's database commands run in. */
@Module({})
export class ServiceContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ServiceContextModule,
      imports: [CoreModule.forRoot(config), AuthModule, IngestModule, ImportsModule, DemoModule],
    };
  }
}

/**
 * Boots that context (migrating the database first). The CLI passes its process environment,
 * so `npx inquiry ...` talks to the same database as `npm start`.
 */
export async function createCliContext(
  env: Record<string, string | undefined>,
): Promise<INestApplicationContext> {
  const config = loadConfig(env);
  return NestFactory.createApplicationContext(ServiceContextModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
}
