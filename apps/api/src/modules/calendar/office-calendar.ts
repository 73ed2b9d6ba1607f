import { readFile } from 'node:fs/promises';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type BusinessCalendar,
  type FollowUp,
  followUpSchedule,
  nextBusinessDay,
  validateBusinessCalendar,
} from '@inquiry/templates';
import { AppConfig } from '../../config/app-config';

/** Saturday and Sunday off, no holidays, dates in UTC: what a company gets until it says otherwise. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = { timeZone: 'UTC' };

/** A calendar file that cannot be used; the message names the file and the problem. */
export class BusinessCalendarError extends Error {
  override readonly name = 'BusinessCalendarError';
}

/**
 * Reads `{"timeZone": "Asia/Shanghai", "weekend": [0, 6], "holidays": ["2027-02-05"]}`;
 * weekend days are 0 (Sunday) to 6 (Saturday), Saturday and Sunday when omitted.
 */
export async function loadBusinessCalendar(file: string): Promise<BusinessCalendar> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new BusinessCalendarError(`BUSINESS_CALENDAR ${file}: ${(error as Error).message}`);
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new BusinessCalendarError(
      `BUSINESS_CALENDAR ${file}: expected {"timeZone": "…", "weekend": [0, 6], "holidays": ["YYYY-MM-DD"]}`,
    );
  }
  const calendar = content as BusinessCalendar;
  try {
    validateBusinessCalendar(calendar);
  } catch (error) {
    throw new BusinessCalendarError(`BUSINESS_CALENDAR ${file}: ${(error as Error).message}`);
  }
  return {
    timeZone: calendar.timeZone,
    ...(calendar.weekend ? { weekend: calendar.weekend } : {}),
    ...(calendar.holidays ? { holidays: calendar.holidays } : {}),
  };
}

/** The company's working days: follow-ups and promised dates never fall on a day off. */
@Injectable()
export class OfficeCalendar implements OnModuleInit {
  private calendar = DEFAULT_BUSINESS_CALENDAR;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.businessCalendarFile) {
      this.calendar = await loadBusinessCalendar(this.config.businessCalendarFile);
    }
  }

  followUps(sentAt: Date, days: readonly number[]): FollowUp[] {
    return followUpSchedule(sentAt, days, this.calendar);
  }

  /** The next working day after `from`, as YYYY-MM-DD in the office's time zone. */
  nextWorkingDay(from: Date): string {
    return nextBusinessDay(from, this.calendar);
  }
}
