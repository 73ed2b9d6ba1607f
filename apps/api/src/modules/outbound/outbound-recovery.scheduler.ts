import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { describeError } from './mail-transport';
import { OutboundService } from './outbound.service';

const INTERVAL_MS = 60_000;

/**
 * A message SMTP accepted must end up in the Sent folder and the thread even when the process
 * died right after: at startup, and then every minute, unfinished sends are completed.
 */
@Injectable()
export class OutboundRecoveryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundRecoveryScheduler.name);
  private readonly task = new PeriodicTask(
    async (tick) => {
      // At startup none of this process's sends is still in flight, so none is too recent.
      const finished = await this.outbound.finishDelivered(tick === 0 ? 0 : undefined);
      if (finished > 0) this.logger.log(`finished ${finished} message(s) sent before a restart`);
    },
    (error) => this.logger.warn(`finishing sent messages failed: ${describeError(error)}`),
  );

  constructor(private readonly outbound: OutboundService) {}

  onApplicationBootstrap(): void {
    this.task.start(INTERVAL_MS, { runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** The run in progress (the startup one right after boot), for whoever must wait for it. */
  settled(): Promise<void> {
    return this.task.settled();
  }
}
