import { backoffMs } from './mailbox-sync.session';

describe('backoffMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [10, 300_000],
    [50, 300_000],
  ])('after %i failures waits about %i ms', (failures, expected) => {
    expect(backoffMs(failures, () => 0.5)).toBe(expected);
  });

  it('spreads retries of many workers by up to a quarter either way', () => {
    expect(backoffMs(3, () => 0)).toBe(3_000);
    expect(backoffMs(3, () => 1)).toBe(5_000);
  });

  it('lets a refused login wait up to half an hour between tries', () => {
    expect(backoffMs(20, () => 0.5, 30 * 60_000)).toBe(30 * 60_000);
    expect(backoffMs(20, () => 0.5)).toBe(300_000);
  });
});
