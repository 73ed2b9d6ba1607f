/**
 * Consecutive runs of `items` that hold at most `count` items and whose weights add up to at
 * most `budget`; an item heavier than the budget makes a run of its own.
 */
export function consecutiveRuns<T>(
  items: readonly T[],
  weight: (item: T) => number,
  budget: number,
  count = Infinity,
): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const heft = weight(item);
    if (current.length > 0 && (current.length >= count || used + heft > budget)) {
      runs.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += heft;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
