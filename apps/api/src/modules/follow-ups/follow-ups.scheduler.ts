import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { FollowUpsService } from './follow-ups.service';

const INTERVAL_MS = 60_000;

/**
 * Ingestion has no event hook, so once a minute the scheduler cancels the follow-ups of
 * threads the buyer has answered. Listing does the same first, so nobody sees a stale chase.
 */
@Injectable()
export class FollowUpsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpsScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly followUps: FollowUpsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      const cancelled = await this.followUps.cancelAnswered();
      if (cancelled > 0) this.logger.log(`cancelled ${cancelled} follow-up(s): the buyer replied`);
    } catch (error) {
      this.logger.warn(
        `follow-up check failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
