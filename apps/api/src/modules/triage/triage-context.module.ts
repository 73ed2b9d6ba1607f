import { Module } from '@nestjs/common';
import { TokenModelService } from './token-model.service';
import { TriageContextService } from './triage-context.service';
import { TriageRepository } from './triage.repository';

/**
 * History and learning for triage, apart from the triage routes so that ingestion can use it
 * without depending on the module that re-triages through ingestion's triage service.
 */
@Module({
  providers: [TriageRepository, TokenModelService, TriageContextService],
  exports: [TriageRepository, TokenModelService, TriageContextService],
})
export class TriageContextModule {}
