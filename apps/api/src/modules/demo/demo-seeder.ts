import { chmod, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ApiTokensService } from '../auth/api-tokens.service';
import { DemoService } from './demo.service';

/**
 * First start of the service (not the CLI): imports the demo inbox into a pristine database
 * and, on the embedded SQLite default, which is one person's laptop install, issues that
 * person a token so they can use the API at once without a second command.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly demo: DemoService,
    private readonly tokens: ApiTokensService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.demo.seedIfPristine();
    const database = this.config.database;
    if (seeded === null || database.type !== 'sqlite' || database.path === ':memory:') return;

    const { token } = await this.tokens.issue('local', 'admin');
    const file = join(dirname(database.path), 'local-token');
    await writeFile(file, `${token}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    this.logger.log(
      `Your API token (also saved in ${relative(process.cwd(), file)}): ${token}\n` +
        `  curl -H "Authorization: Bearer ${token}" http://localhost:${this.config.port}/api/inquiries`,
    );
  }
}
