import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { FollowUpsService } from './follow-ups.service';

const INTERVAL_MS = 60_000;

/**
 * Ingestion has no event hook, so once a minute the scheduler cancels the follow-ups of
 * threads the buyer has answered. Listing does the same first, so nobody sees a stale chase.
 */
@Injectable()
export class FollowUpsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpsScheduler.name);
  private readonly task = new PeriodicTask(
    async () => {
      const cancelled = await this.followUps.cancelAnswered();
      if (cancelled > 0) this.logger.log(`cancelled ${cancelled} follow-up(s): the buyer replied`);
    },
    (error) =>
      this.logger.warn(
        `follow-up check failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );

  constructor(private readonly followUps: FollowUpsService) {}

  onApplicationBootstrap(): void {
    this.task.start(INTERVAL_MS, { runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
