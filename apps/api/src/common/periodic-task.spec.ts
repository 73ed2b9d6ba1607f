import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at startup and then every interval, telling the job its tick', async () => {
    const ticks: number[] = [];
    const task = new PeriodicTask((tick) => Promise.resolve(void ticks.push(tick)), jest.fn());
    task.start(1_000, { runNow: true });
    await task.settled();
    expect(ticks).toEqual([0]);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(ticks).toEqual([0, 1, 2]);
    await task.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(ticks).toEqual([0, 1, 2]);
  });

  it('skips ticks while a run is busy instead of piling runs up', async () => {
    let release: () => void = () => undefined;
    const runs: number[] = [];
    const task = new PeriodicTask(async (tick) => {
      runs.push(tick);
      if (tick === 0) await new Promise<void>((resolve) => (release = resolve));
    }, jest.fn());
    task.start(1_000, { runNow: false });
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toEqual([0]);
    release();
    await task.settled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([0, 1]);
    await task.stop();
  });

  it('reports a failure and runs again on the next tick', async () => {
    const onError = jest.fn();
    let calls = 0;
    const task = new PeriodicTask(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve();
    }, onError);
    task.start(1_000, { runNow: true });
    await task.settled();
    expect(onError).toHaveBeenCalledWith(new Error('database gone'));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(onError).toHaveBeenCalledTimes(1);
    await task.stop();
  });

  it('waits for the run in progress when stopped', async () => {
    let finished = false;
    const task = new PeriodicTask(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      finished = true;
    }, jest.fn());
    task.start(10_000, { runNow: true });
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(500);
    await stopped;
    expect(finished).toBe(true);
  });
});
