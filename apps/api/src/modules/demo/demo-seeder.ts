import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DemoService } from './demo.service';

/** Runs the first-start demo import; only the HTTP service includes it, not the CLI. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  constructor(private readonly demo: DemoService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.demo.seedIfPristine();
  }
}
