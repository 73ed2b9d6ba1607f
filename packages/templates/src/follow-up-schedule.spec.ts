import {
  type BusinessCalendar,
  followUpSchedule,
  FollowUpScheduleError,
  nextBusinessDay,
  validateBusinessCalendar,
} from './follow-up-schedule';

const iso = (dates: { dueAt: Date }[]): string[] => dates.map((d) => d.dueAt.toISOString());

describe('followUpSchedule', () => {
  it('chases after 3, 7 and 14 days by default', () => {
    const schedule = followUpSchedule(new Date('2026-11-23T02:30:00Z'));
    expect(schedule.map((f) => [f.step, f.afterDays])).toEqual([
      [1, 3],
      [2, 7],
      [3, 14],
    ]);
    expect(iso(schedule)).toEqual([
      '2026-11-26T02:30:00.000Z',
      '2026-11-30T02:30:00.000Z',
      '2026-12-07T02:30:00.000Z',
    ]);
  });

  it('takes the company’s own steps', () => {
    expect(
      followUpSchedule(new Date('2026-11-23T00:00:00Z'), [4, 10]).map((f) => f.afterDays),
    ).toEqual([4, 10]);
  });

  it('moves reminders off weekends and holidays, at the same local time', () => {
    // Sent Friday 10:30 in Ningbo; +3 days is Monday 30 Nov, made a company holiday here.
    const schedule = followUpSchedule(new Date('2026-11-27T02:30:00Z'), [1, 3, 14], {
      timeZone: 'Asia/Shanghai',
      holidays: ['2026-11-30'],
    });
    // +1 is Saturday, moved past the weekend and the holiday to Tuesday 1 Dec; +3 is the holiday,
    // and Tuesday is taken, so Wednesday 2 Dec; +14 is Friday 11 Dec.
    expect(iso(schedule)).toEqual([
      '2026-12-01T02:30:00.000Z',
      '2026-12-02T02:30:00.000Z',
      '2026-12-11T02:30:00.000Z',
    ]);
  });

  it('honours a Friday–Saturday weekend', () => {
    const [first] = followUpSchedule(new Date('2026-11-23T07:00:00Z'), [4], {
      timeZone: 'Asia/Riyadh',
      weekend: [5, 6],
    });
    expect(first!.dueAt.toISOString()).toBe('2026-11-29T07:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // 09:00 in Berlin on 22 Oct (UTC+2) → 09:00 on 29 Oct (UTC+1).
    const [first] = followUpSchedule(new Date('2026-10-22T07:00:00Z'), [7], {
      timeZone: 'Europe/Berlin',
    });
    expect(first!.dueAt.toISOString()).toBe('2026-10-29T08:00:00.000Z');
  });

  it.each([
    [[3, 3], /config\[1\]: 3 must be later than the previous step/],
    [[0, 7], /config\[0\]: 0 is not a positive whole number of days/],
    [[2.5], /config\[0\]: 2.5 is not a positive whole number/],
  ])('rejects the steps %j', (config, message) => {
    expect(() => followUpSchedule(new Date(), config)).toThrow(FollowUpScheduleError);
    expect(() => followUpSchedule(new Date(), config)).toThrow(message);
  });

  it('rejects a bad calendar', () => {
    expect(() => followUpSchedule(new Date(), [3], { timeZone: 'Mars/Olympus' })).toThrow(
      /not an IANA time zone/,
    );
    expect(() =>
      followUpSchedule(new Date(), [3], { timeZone: 'UTC', weekend: [0, 1, 2, 3, 4, 5, 6] }),
    ).toThrow(/at least one day/);
    expect(() =>
      followUpSchedule(new Date(), [3], { timeZone: 'UTC', holidays: ['1 Oct'] }),
    ).toThrow(/"1 Oct" is not a YYYY-MM-DD date/);
    expect(() =>
      followUpSchedule(new Date(), [3], { timeZone: 'UTC', holidays: ['2027-02-30'] }),
    ).toThrow(/"2027-02-30" is not a YYYY-MM-DD date/);
    expect(() => validateBusinessCalendar({} as BusinessCalendar)).toThrow(
      /calendar.timeZone: "undefined" is not an IANA time zone/,
    );
  });
});

describe('nextBusinessDay', () => {
  const shanghai: BusinessCalendar = { timeZone: 'Asia/Shanghai', holidays: ['2027-02-08'] };

  it('is the next day in the office time zone when that is a working day', () => {
    // 17:30 UTC on Monday is already Tuesday 01:30 in Shanghai.
    expect(nextBusinessDay(new Date('2027-01-11T17:30:00Z'), shanghai)).toBe('2027-01-13');
    expect(nextBusinessDay(new Date('2027-01-11T09:00:00Z'), shanghai)).toBe('2027-01-12');
  });

  it('skips the weekend and holidays', () => {
    // Friday 5 February 2027: Saturday, Sunday and the Monday holiday are days off.
    expect(nextBusinessDay(new Date('2027-02-05T03:00:00Z'), shanghai)).toBe('2027-02-09');
    expect(
      nextBusinessDay(new Date('2027-02-04T03:00:00Z'), {
        timeZone: 'Asia/Dubai',
        weekend: [5, 6],
      }),
    ).toBe('2027-02-07');
  });
});
