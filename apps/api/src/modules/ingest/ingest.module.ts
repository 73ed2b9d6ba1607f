import { Module } from '@nestjs/common';
import { TriageContextModule } from '../triage/triage-context.module';
import { IngestRepository } from './ingest.repository';
import { InquiryTriageService } from './inquiry-triage.service';
import { MessageIngestService } from './message-ingest.service';
import { MessageParserPool } from './message-parser.pool';
import { PendingTriageService } from './pending-triage.service';

@Module({
  imports: [TriageContextModule],
  providers: [
    IngestRepository,
    InquiryTriageService,
    MessageIngestService,
    MessageParserPool,
    PendingTriageService,
  ],
  exports: [MessageIngestService, InquiryTriageService, PendingTriageService],
})
export class IngestModule {}
