import { Module } from '@nestjs/common';
import { DraftsModule } from '../drafts/drafts.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { IngestModule } from '../ingest/ingest.module';
import { MailTransport } from './mail-transport';
import { OutboundRecoveryScheduler } from './outbound-recovery.scheduler';
import { OutboundController } from './outbound.controller';
import { OutboundRepository } from './outbound.repository';
import { OutboundService } from './outbound.service';

/** Sending approved drafts: SMTP once, a copy in Sent, the message in its thread. */
@Module({
  imports: [DraftsModule, FollowUpsModule, IngestModule],
  controllers: [OutboundController],
  providers: [OutboundRepository, OutboundService, MailTransport, OutboundRecoveryScheduler],
})
export class OutboundModule {}
