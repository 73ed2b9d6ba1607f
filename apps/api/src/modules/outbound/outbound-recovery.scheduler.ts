import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly outbound: OutboundService) {}

  onApplicationBootstrap(): void {
    this.running = this.run(0);
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.run());
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** The run in progress (the startup one right after boot), for whoever must wait for it. */
  settled(): Promise<void> {
    return this.running;
  }

  private async run(idleFor?: number): Promise<void> {
    try {
      const finished = await this.outbound.finishDelivered(idleFor);
      if (finished > 0) this.logger.log(`finished ${finished} message(s) sent before a restart`);
    } catch (error) {
      this.logger.warn(`finishing sent messages failed: ${describeError(error)}`);
    }
  }
}
