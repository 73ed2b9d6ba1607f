import 'reflect-metadata';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, loadConfig } from '../../config/app-config';
import { CoreModule } from '../../core.module';
import { SyncModule } from './sync.module';

@Module({})
class SyncWorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: SyncWorkerModule, imports: [CoreModule.forRoot(config), SyncModule] };
  }
}

/**
 * A worker-only process (`node dist/modules/sync/sync-worker.main.js`): no HTTP, just IMAP
 * sync against the configured database. Start as many as the mailboxes need; the leases
 * share the mailboxes out among them. SIGTERM hands the leases back.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig({ ...process.env, SYNC_WORKER: 'on' });
  const app = await NestFactory.createApplicationContext(SyncWorkerModule.forRoot(config), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  new Logger('SyncWorker').log(`worker ${config.workerId} running`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Sync worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
