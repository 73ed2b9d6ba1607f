import { getAllCountries, getCountry } from 'countries-and-timezones';

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number[]>();
const zoneCache = new Map<string, number>();

/** Offset of an IANA zone at an instant, minutes east of UTC. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  // Zones change offset on the hour or half hour at most, so one lookup per zone and quarter hour suffices.
  const key = `${timeZone}@${Math.floor(at.getTime() / 900_000)}`;
  const cached = zoneCache.get(key);
  if (cached !== undefined) return cached;
  const offset = computeZoneOffset(timeZone, at);
  if (zoneCache.size > 50_000) zoneCache.clear();
  zoneCache.set(key, offset);
  return offset;
}

function computeZoneOffset(timeZone: string, at: Date): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, format);
  }
  const name =
    format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Every UTC offset in use somewhere in `country` on the day of `at`. */
export function countryOffsets(country: string, at: Date): number[] {
  const key = `${country}:${at.toISOString().slice(0, 10)}`;
  let offsets = offsetCache.get(key);
  if (!offsets) {
    const zones = getCountry(country)?.timezones ?? [];
    offsets = [...new Set(zones.map((zone) => zoneOffsetMinutes(zone, at)))];
    offsetCache.set(key, offsets);
  }
  return offsets;
}

export function isKnownCountry(code: string): boolean {
  return getCountry(code) !== null;
}

/** Offsets that no zone on earth uses: beyond ±14 h or not on a quarter hour. */
export function isImpossibleOffset(minutes: number): boolean {
  return minutes > 14 * 60 || minutes < -12 * 60 || minutes % 15 !== 0;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function allCountryNames(): Array<{ id: string; name: string }> {
  return Object.values(getAllCountries()).map(({ id, name }) => ({ id, name }));
}
