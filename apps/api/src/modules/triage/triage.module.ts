import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { TriageContextModule } from './triage-context.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

@Module({
  imports: [IngestModule, TriageContextModule],
  controllers: [TriageController],
  providers: [TriageService],
})
export class TriageModule {}
