import { consecutiveRuns } from './consecutive-runs';

describe('consecutiveRuns', () => {
  const weight = (n: number): number => n;

  it('keeps order and closes a run before it would pass the budget', () => {
    expect(consecutiveRuns([3, 4, 2, 5, 1], weight, 7)).toEqual([[3, 4], [2, 5], [1]]);
  });

  it('gives an item heavier than the budget a run of its own', () => {
    expect(consecutiveRuns([1, 20, 1], weight, 10)).toEqual([[1], [20], [1]]);
  });

  it('closes a run at the item count as well', () => {
    expect(consecutiveRuns([1, 1, 1, 1, 1], weight, 100, 2)).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('makes no run of nothing', () => {
    expect(consecutiveRuns([], weight, 10)).toEqual([]);
  });
});
