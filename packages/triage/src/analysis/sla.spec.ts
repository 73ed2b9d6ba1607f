import type { SlaConfig } from '../triage.config';
import { slaDueTime } from './sla';

const sla: SlaConfig = {
  timeZone: 'Asia/Shanghai',
  open: '09:00',
  close: '18:00',
  workdays: [1, 2, 3, 4, 5],
  holidays: ['2024-10-01'],
  replyWithinHours: { A: 2, B: 24, C: 48 },
};

describe('slaDueTime', () => {
  it.each([
    ['tier A inside hours: two hours later', 'A', '2024-10-08T02:00:00Z', '2024-10-08T04:00:00Z'],
    [
      'tier A late in the day: carries into the next morning',
      'A',
      '2024-10-08T09:30:00Z',
      '2024-10-09T02:30:00Z',
    ],
    [
      'tier A on Saturday: from Monday opening',
      'A',
      '2024-10-12T03:00:00Z',
      '2024-10-14T03:00:00Z',
    ],
    ['tier A at night: from the next opening', 'A', '2024-10-07T20:00:00Z', '2024-10-08T03:00:00Z'],
    ['tier A before a holiday: skips it', 'A', '2024-09-30T09:30:00Z', '2024-10-02T02:30:00Z'],
    [
      'tier B on Friday afternoon: Monday afternoon',
      'B',
      '2024-10-11T07:00:00Z',
      '2024-10-14T07:00:00Z',
    ],
    ['tier C on Wednesday: Friday same time', 'C', '2024-10-09T03:00:00Z', '2024-10-11T03:00:00Z'],
  ] as const)('%s', (_name, tier, received, due) => {
    expect(slaDueTime(tier, new Date(received), sla)?.toISOString()).toBe(
      new Date(due).toISOString(),
    );
  });

  it('gives tier D no deadline', () => {
    expect(slaDueTime('D', new Date('2024-10-08T02:00:00Z'), sla)).toBeUndefined();
  });
});
