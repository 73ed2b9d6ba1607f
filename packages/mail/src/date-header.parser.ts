export interface ParsedDate {
  /** Undefined when the fields do not make a real calendar instant. */
  date?: Date;
  /** Minutes east of UTC as written, undefined when the zone is missing or unrecognised. */
  offsetMinutes?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 section 4.3 obsolete zone names; military letters are ambiguous in practice, so -0000. */
const NAMED_ZONES: ReadonlyMap<string, number> = new Map([
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['edt', -240],
  ['est', -300],
  ['cdt', -300],
  ['cst', -360],
  ['mdt', -360],
  ['mst', -420],
  ['pdt', -420],
  ['pst', -480],
]);

const DATE =
  /(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\s*([+-])\s?(\d{1,2})(\d{2})\b|\s+\(?([A-Za-z]{1,5})\)?)?/;

/**
 * Reads an RFC 5322 date ourselves rather than through `Date`, because the sender's own zone
 * offset is evidence and must survive even when it is impossible (-1600 is -960 minutes).
 */
export function parseRfc5322Date(value: string): ParsedDate | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [
    ,
    day,
    monthName,
    yearText,
    hour,
    minute,
    second,
    sign,
    offsetHours,
    offsetMinutes,
    zoneName,
  ] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month === -1) return undefined;

  let offset: number | undefined;
  if (sign !== undefined) {
    const magnitude = Number(offsetHours) * 60 + Number(offsetMinutes);
    offset = sign === '-' ? -magnitude : magnitude;
  } else if (zoneName !== undefined) {
    offset = NAMED_ZONES.get(zoneName.toLowerCase());
  }

  let year = Number(yearText);
  if ((yearText ?? '').length <= 2) year += year < 50 ? 2000 : 1900;
  else if ((yearText ?? '').length === 3) year += 1900;
  const fields = [Number(day), Number(hour), Number(minute), Number(second ?? 0)] as const;
  const [d, h, min, s] = fields;
  const result: ParsedDate = {};
  if (offset !== undefined) result.offsetMinutes = offset;
  const dayExists = d >= 1 && new Date(Date.UTC(year, month, d)).getUTCMonth() === month;
  if (dayExists && h <= 23 && min <= 59 && s <= 60) {
    result.date = new Date(Date.UTC(year, month, d, h, min, s) - (offset ?? 0) * 60_000);
  }
  return result;
}
