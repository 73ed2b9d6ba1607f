import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { formatInboxDigest } from './inbox-digest';
import { ListInquiriesQueryDto } from './modules/inquiries/inquiries.dto';
import { InquiriesService } from './modules/inquiries/inquiries.service';

const DIGEST_SIZE = 20;

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.port);
  const logger = new Logger('Bootstrap');
  logger.log(`Inquiry API on http://localhost:${config.port}/api (docs at /api/docs)`);
  const page = await app
    .get(InquiriesService)
    .list(Object.assign(new ListInquiriesQueryDto(), { sort: 'slaDueAt', limit: DIGEST_SIZE }));
  logger.log(formatInboxDigest(page, new Date()));
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
