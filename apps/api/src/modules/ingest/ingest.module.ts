import { Module } from '@nestjs/common';
import { IngestRepository } from './ingest.repository';
import { InquiryTriageService } from './inquiry-triage.service';
import { MessageIngestService } from './message-ingest.service';

@Module({
  providers: [IngestRepository, InquiryTriageService, MessageIngestService],
  exports: [MessageIngestService, InquiryTriageService],
})
export class IngestModule {}
