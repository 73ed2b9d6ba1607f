import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DraftsModule } from '../drafts/drafts.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsScheduler } from './follow-ups.scheduler';
import { FollowUpsService } from './follow-ups.service';

@Module({
  controllers: [FollowUpsController],
  imports: [CalendarModule, DraftsModule],
  providers: [FollowUpsRepository, FollowUpsService, FollowUpsScheduler],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
