import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TemplatesModule } from '../templates/templates.module';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';

/** Drafts in the buyer's language, the forbidden-phrase check, approval and reps' signatures. */
@Module({
  imports: [TemplatesModule, CalendarModule],
  controllers: [DraftsController],
  providers: [DraftsRepository, DraftsService],
  exports: [DraftsService],
})
export class DraftsModule {}
