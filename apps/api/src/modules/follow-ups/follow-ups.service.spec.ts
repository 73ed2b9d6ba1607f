import { urgencyOf } from './follow-ups.service';

describe('urgencyOf', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  it.each([
    ['2026-03-10T09:00:01Z', 'upcoming'],
    ['2026-03-10T09:00:00Z', 'due'],
    ['2026-03-09T09:00:00Z', 'due'],
    ['2026-03-09T08:59:59Z', 'overdue'],
  ])('a follow-up due at %s is %s', (dueAt, urgency) => {
    expect(urgencyOf(new Date(dueAt), now)).toBe(urgency);
  });
});
