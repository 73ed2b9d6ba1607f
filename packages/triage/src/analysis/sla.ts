import type { SlaConfig } from '../triage.config';
import type { Tier } from '../triage.types';
import { zoneOffsetMinutes } from './time-zones';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Local calendar day (as a UTC-midnight Date) and minute of day of an instant in the team's zone. */
function local(at: Date, timeZone: string): { day: Date; minute: number } {
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * MINUTE);
  const day = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()),
  );
  return { day, minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

function instant(day: Date, minute: number, timeZone: string): Date {
  const guess = new Date(day.getTime() + minute * MINUTE);
  return new Date(guess.getTime() - zoneOffsetMinutes(timeZone, guess) * MINUTE);
}

function isBusinessDay(day: Date, sla: SlaConfig): boolean {
  return (
    sla.workdays.includes(day.getUTCDay()) && !sla.holidays.includes(day.toISOString().slice(0, 10))
  );
}

function nextDay(day: Date): Date {
  return new Date(day.getTime() + DAY_MINUTES * MINUTE);
}

/**
 * When the reply to a tier is due. The clock runs only in business hours: deadlines under 24 h
 * count business hours, longer ones count whole business days (a 24 h deadline on Friday
 * afternoon falls on Monday afternoon). Tier D gets no sales reply, so no deadline.
 */
export function slaDueTime(tier: Tier, receivedAt: Date, sla: SlaConfig): Date | undefined {
  if (tier === 'D') return undefined;
  const hours = sla.replyWithinHours[tier];
  const open = minutesOf(sla.open);
  const close = minutesOf(sla.close);
  let { day, minute } = local(receivedAt, sla.timeZone);
  const startOfNextOpening = (): void => {
    if (isBusinessDay(day, sla) && minute < open) minute = open;
    while (!isBusinessDay(day, sla) || minute >= close) {
      day = nextDay(day);
      minute = open;
    }
  };
  startOfNextOpening();
  if (hours >= 24) {
    for (let left = Math.round(hours / 24); left > 0;) {
      day = nextDay(day);
      if (isBusinessDay(day, sla)) left -= 1;
    }
    return instant(day, minute, sla.timeZone);
  }
  let remaining = hours * 60;
  while (remaining > close - minute) {
    remaining -= close - minute;
    minute = close;
    startOfNextOpening();
  }
  return instant(day, minute + remaining, sla.timeZone);
}
