import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { BusinessCalendarError, loadBusinessCalendar, OfficeCalendar } from './office-calendar';

describe('the office calendar', () => {
  let dir: string;
  const calendarFile = async (content: unknown): Promise<string> => {
    const file = join(dir, 'calendar.json');
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const officeWith = async (env: Record<string, string>): Promise<OfficeCalendar> => {
    const office = new OfficeCalendar(loadConfig(env));
    await office.onModuleInit();
    return office;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inquiry-calendar-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('skips Saturday and Sunday without a calendar file', async () => {
    const office = await officeWith({});
    // Sent Wednesday 2027-03-03 10:00 UTC: day 3 is Saturday, so the first chase is Monday.
    const steps = office.followUps(new Date('2027-03-03T10:00:00Z'), [3, 7, 14]);
    expect(steps.map((s) => s.dueAt.toISOString())).toEqual([
      '2027-03-08T10:00:00.000Z',
      '2027-03-10T10:00:00.000Z',
      '2027-03-17T10:00:00.000Z',
    ]);
    expect(office.nextWorkingDay(new Date('2027-03-05T12:00:00Z'))).toBe('2027-03-08');
  });

  it("follows the company's time zone, weekend and holidays from BUSINESS_CALENDAR", async () => {
    const file = await calendarFile({
      timeZone: 'Asia/Shanghai',
      weekend: [0],
      holidays: ['2027-02-06', '2027-02-08'],
    });
    const office = await officeWith({ BUSINESS_CALENDAR: file });
    // Tuesday 2027-02-02 09:30 in Shanghai. Day 4 (Saturday, a working day here) is a holiday,
    // Sunday is off and Monday a holiday: Tuesday. Day 6 is that Monday, and Tuesday is taken.
    const steps = office.followUps(new Date('2027-02-02T01:30:00Z'), [4, 6]);
    expect(steps.map((s) => s.dueAt.toISOString())).toEqual([
      '2027-02-09T01:30:00.000Z',
      '2027-02-10T01:30:00.000Z',
    ]);
    expect(office.nextWorkingDay(new Date('2027-02-05T02:00:00Z'))).toBe('2027-02-09');
  });

  it.each([
    ['{"timeZone": ', /not valid JSON|Unexpected end of JSON/],
    [[], /expected \{"timeZone"/],
    [{ timeZone: 'Mars/Olympus' }, /calendar\.timeZone: "Mars\/Olympus" is not an IANA time zone/],
    [{ timeZone: 'UTC', weekend: 'weekends' }, /calendar\.weekend: days are 0 \(Sunday\) to 6/],
    [{ timeZone: 'UTC', holidays: ['25.12.2027'] }, /calendar\.holidays: "25\.12\.2027" is not/],
  ])('refuses %j naming the file and the problem', async (content, message) => {
    const file = await calendarFile(content);
    const loading = loadBusinessCalendar(file);
    await expect(loading).rejects.toThrow(BusinessCalendarError);
    await expect(loading).rejects.toThrow(`BUSINESS_CALENDAR ${file}: `);
    await expect(loadBusinessCalendar(file)).rejects.toThrow(message);
  });

  it('names a calendar file that does not exist', async () => {
    await expect(officeWith({ BUSINESS_CALENDAR: join(dir, 'none.json') })).rejects.toThrow(
      /BUSINESS_CALENDAR .*none\.json: ENOENT/,
    );
  });
});
