import { Module } from '@nestjs/common';
import { OfficeCalendar } from './business-calendar';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsScheduler } from './follow-ups.scheduler';
import { FollowUpsService } from './follow-ups.service';

@Module({
  controllers: [FollowUpsController],
  providers: [FollowUpsRepository, FollowUpsService, FollowUpsScheduler, OfficeCalendar],
  exports: [FollowUpsService, OfficeCalendar],
})
export class FollowUpsModule {}
