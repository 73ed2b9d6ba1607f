import type { Tier, Verdict } from '../../database/entities';
import { effectiveSlaDueAt, effectiveTier } from './effective-triage';

const DUE = new Date('2026-03-09T13:00:00Z');

describe('effective tier and deadline', () => {
  it.each<[Verdict | null, Tier, Date | null, Tier, Date | null]>([
    [null, 'A', DUE, 'A', DUE],
    [null, 'D', null, 'D', null],
    ['scam', 'A', DUE, 'D', null],
    ['spam', 'C', DUE, 'D', null],
    ['clean', 'B', DUE, 'B', DUE],
    ['clean', 'D', null, 'C', null],
  ])(
    'override %s on triage tier %s (due %s) gives %s, due %s',
    (override, tier, due, shown, shownDue) => {
      const inquiry = { verdictOverride: override, tier, slaDueAt: due };
      expect(effectiveTier(inquiry)).toBe(shown);
      expect(effectiveSlaDueAt(inquiry)).toBe(shownDue);
    },
  );
});
