import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types';
import { createApp } from '../app.factory';
import { type AppConfig, loadConfig } from '../config/app-config';
import { ApiTokensService } from '../modules/auth/api-tokens.service';

export interface E2eApp {
  app: INestApplication<App>;
  config: AppConfig;
  /** A valid bearer token for the requests under test. */
  token: string;
  dir: string;
  /** Stops the app and, unless `keepFiles`, deletes its database and blobs. */
  close(keepFiles?: boolean): Promise<void>;
}

/** A complete service on its own SQLite database and blob directory (temporary unless `dir`). */
export async function startE2eApp(env: Record<string, string> = {}, dir?: string): Promise<E2eApp> {
  dir ??= await mkdtemp(join(tmpdir(), 'inquiry-e2e-'));
  const config = loadConfig({
    DB_URL: `sqlite:${join(dir, 'inquiry.sqlite')}`,
    BLOB_DIR: join(dir, 'blobs'),
    SECRET_KEY_FILE: join(dir, 'secret.key'),
    DEMO_INBOX: 'off',
    SYNC_WORKER: 'off',
    IMPORT_ROOT: dir,
    ...env,
  });
  const app = (await createApp(config, ['error'])) as INestApplication<App>;
  await app.init();
  // Token names are unique and a restart on the same `dir` keeps the last run's token, whose
  // secret is gone with that run: the rep 'e2e' gets a new one, as a person rotating theirs.
  const tokens = app.get(ApiTokensService);
  await tokens.revoke('e2e');
  const { token } = await tokens.issue('e2e');
  return {
    app,
    config,
    token,
    dir,
    async close(keepFiles = false) {
      await app.close();
      if (!keepFiles) await rm(dir, { recursive: true, force: true });
    },
  };
}
