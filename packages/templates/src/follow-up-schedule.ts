import { calendarDateIn } from './quote.model';

/** Working days of the rep's office: reminders never fall due on a weekend or holiday. */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** Days off as Date#getUTCDay numbers (0 = Sunday); Saturday and Sunday when omitted. */
  readonly weekend?: readonly number[];
  /** Public holidays and company closures, YYYY-MM-DD. */
  readonly holidays?: readonly string[];
}

export interface FollowUp {
  /** 1 for the first chase after the quote, 2 for the second… */
  readonly step: number;
  readonly afterDays: number;
  readonly dueAt: Date;
}

export const DEFAULT_FOLLOW_UP_DAYS: readonly number[] = [3, 7, 14];

export class FollowUpScheduleError extends Error {
  override readonly name = 'FollowUpScheduleError';
}

const DAY_MS = 86_400_000;

/**
 * When to chase a quote: each step `afterDays` calendar days after it was sent, at the same
 * local time. With a business calendar a step landing on a day off (or on the previous step's
 * day) moves to the next working day.
 */
export function followUpSchedule(
  sentAt: Date,
  config: readonly number[] = DEFAULT_FOLLOW_UP_DAYS,
  calendar?: BusinessCalendar,
): FollowUp[] {
  if (Number.isNaN(sentAt.getTime())) throw new FollowUpScheduleError('sentAt is not a valid date');
  config.forEach((days, index) => {
    if (!Number.isSafeInteger(days) || days < 1) {
      throw new FollowUpScheduleError(
        `config[${index}]: ${days} is not a positive whole number of days`,
      );
    }
    if (index > 0 && days <= (config[index - 1] ?? 0)) {
      throw new FollowUpScheduleError(
        `config[${index}]: ${days} must be later than the previous step`,
      );
    }
  });
  if (!calendar) {
    return config.map((days, index) => ({
      step: index + 1,
      afterDays: days,
      dueAt: new Date(sentAt.getTime() + days * DAY_MS),
    }));
  }
  const { timeZone } = calendar;
  validateBusinessCalendar(calendar);
  const sentOn = calendarDateIn(sentAt, timeZone);
  const wallClock = localTime(sentAt, timeZone);
  const isDayOff = dayOffTest(calendar);
  let previous = '';
  return config.map((days, index) => {
    let date = addDays(sentOn, days);
    // Two steps pushed onto the same working day would make one chase; keep them a day apart.
    while (isDayOff(date) || date <= previous) date = addDays(date, 1);
    previous = date;
    return { step: index + 1, afterDays: days, dueAt: zonedInstant(date, wallClock, timeZone) };
  });
}

/** The first working day after the calendar day of `from` in the calendar's time zone, YYYY-MM-DD. */
export function nextBusinessDay(from: Date, calendar: BusinessCalendar): string {
  validateBusinessCalendar(calendar);
  const isDayOff = dayOffTest(calendar);
  let date = addDays(calendarDateIn(from, calendar.timeZone), 1);
  while (isDayOff(date)) date = addDays(date, 1);
  return date;
}

function dayOffTest(calendar: BusinessCalendar): (date: string) => boolean {
  const weekend = new Set(calendar.weekend ?? [0, 6]);
  const holidays = new Set(calendar.holidays ?? []);
  return (date) => weekend.has(new Date(`${date}T00:00:00Z`).getUTCDay()) || holidays.has(date);
}

/** Throws FollowUpScheduleError naming the field when the calendar cannot be used. */
export function validateBusinessCalendar(calendar: BusinessCalendar): void {
  try {
    if (typeof calendar.timeZone !== 'string' || calendar.timeZone === '') throw new RangeError();
    new Intl.DateTimeFormat('en', { timeZone: calendar.timeZone });
  } catch {
    throw new FollowUpScheduleError(
      `calendar.timeZone: "${calendar.timeZone}" is not an IANA time zone`,
    );
  }
  const weekend = calendar.weekend ?? [];
  if (
    !Array.isArray(weekend) ||
    weekend.some((day) => !Number.isInteger(day) || day < 0 || day > 6) ||
    new Set(weekend).size >= 7
  ) {
    throw new FollowUpScheduleError(
      'calendar.weekend: days are 0 (Sunday) to 6 (Saturday) and at least one day must be a working day',
    );
  }
  if (!Array.isArray(calendar.holidays ?? [])) {
    throw new FollowUpScheduleError('calendar.holidays: expected a list of YYYY-MM-DD dates');
  }
  for (const holiday of calendar.holidays ?? []) {
    const real = new Date(`${String(holiday)}T00:00:00Z`);
    if (
      typeof holiday !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(holiday) ||
      Number.isNaN(real.getTime()) ||
      real.toISOString().slice(0, 10) !== holiday
    )
      throw new FollowUpScheduleError(
        `calendar.holidays: "${String(holiday)}" is not a YYYY-MM-DD date`,
      );
  }
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

function offsetMs(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** The instant at which the wall clock in `timeZone` shows `date time` (DST-aware). */
function zonedInstant(date: string, time: string, timeZone: string): Date {
  const asUtc = new Date(`${date}T${time}Z`).getTime();
  const first = asUtc - offsetMs(asUtc, timeZone);
  const second = asUtc - offsetMs(first, timeZone);
  return new Date(second);
}
