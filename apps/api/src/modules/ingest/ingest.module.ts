import { Module } from '@nestjs/common';
import { TriageContextModule } from '../triage/triage-context.module';
import { IngestRepository } from './ingest.repository';
import { InquiryTriageService } from './inquiry-triage.service';
import { MessageIngestService } from './message-ingest.service';

@Module({
  imports: [TriageContextModule],
  providers: [IngestRepository, InquiryTriageService, MessageIngestService],
  exports: [MessageIngestService, InquiryTriageService],
})
export class IngestModule {}
