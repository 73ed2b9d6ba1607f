/**
 * A job a service repeats while it runs (finishing interrupted sends, cancelling answered
 * follow-ups, refreshing the token model). A tick that comes while the previous run is still
 * busy is skipped rather than queued, a failure is reported and tried again on the next tick,
 * and shutdown waits for the run in progress.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private ticks = 0;

  /** `job` is told its tick number: 0 is the run at startup when there is one. */
  constructor(
    private readonly job: (tick: number) => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number, { runNow }: { runNow: boolean }): void {
    if (runNow) this.tick();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  /** The run in progress, or the last one, for whoever must wait for it. */
  settled(): Promise<void> {
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.busy) return;
    this.busy = true;
    const tick = this.ticks++;
    this.running = this.job(tick)
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.busy = false;
      });
  }
}
