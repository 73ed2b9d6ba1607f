import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { MailboxConnectionTester } from './mailbox-connection.tester';
import { MailboxesController } from './mailboxes.controller';
import { MailboxesRepository } from './mailboxes.repository';
import { MailboxesService } from './mailboxes.service';

@Module({
  imports: [SyncModule],
  controllers: [MailboxesController],
  providers: [MailboxesRepository, MailboxesService, MailboxConnectionTester],
})
export class MailboxesModule {}
