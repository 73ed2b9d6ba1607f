import { Module } from '@nestjs/common';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsScheduler } from './follow-ups.scheduler';
import { FollowUpsService } from './follow-ups.service';

@Module({
  controllers: [FollowUpsController],
  providers: [FollowUpsRepository, FollowUpsService, FollowUpsScheduler],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
