import { Module } from '@nestjs/common';
import { OfficeCalendar } from './office-calendar';

/** The company's working days (BUSINESS_CALENDAR), for follow-ups and promised dates. */
@Module({
  providers: [OfficeCalendar],
  exports: [OfficeCalendar],
})
export class CalendarModule {}
