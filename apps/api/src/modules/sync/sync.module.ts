import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { MailboxSyncProcessor } from './mailbox-sync.processor';
import { MailboxSyncRepository } from './mailbox-sync.repository';
import { MailboxSyncService } from './mailbox-sync.service';
import { MailboxSyncer } from './mailbox-syncer';

/** IMAP sync: the worker (when SYNC_WORKER is on) and, for the API, sync-now and sync health. */
@Module({
  imports: [IngestModule],
  providers: [MailboxSyncRepository, MailboxSyncer, MailboxSyncProcessor, MailboxSyncService],
  exports: [MailboxSyncService],
})
export class SyncModule {}
