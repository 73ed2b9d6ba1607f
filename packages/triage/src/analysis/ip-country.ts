import { readFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * IP-to-country from @ip-location-db/geo-whois-asn-country (CC0), read once into sorted range
 * arrays and searched by bisection. IPv6 is loaded only when an IPv6 origin is first seen.
 */
interface RangeTable<T> {
  starts: T;
  ends: T;
  countries: string[];
  codes: Uint16Array;
}

let v4: RangeTable<Uint32Array> | undefined;
let v6: RangeTable<bigint[]> | undefined;

function dataFile(name: string): string {
  return readFileSync(require.resolve(`@ip-location-db/geo-whois-asn-country/${name}`), 'utf8');
}

function loadTable<T>(
  file: string,
  parse: (value: string) => number | bigint,
  make: (n: number) => T,
  set: (t: T, i: number, v: number | bigint) => void,
): RangeTable<T> {
  const lines = dataFile(file).split('\n');
  const starts = make(lines.length);
  const ends = make(lines.length);
  const codes = new Uint16Array(lines.length);
  const countries: string[] = [];
  const index = new Map<string, number>();
  let n = 0;
  for (const line of lines) {
    const first = line.indexOf(',');
    const second = line.indexOf(',', first + 1);
    if (first < 0 || second < 0) continue;
    const country = line.slice(second + 1).trim();
    let code = index.get(country);
    if (code === undefined) {
      code = countries.length;
      countries.push(country);
      index.set(country, code);
    }
    set(starts, n, parse(line.slice(0, first)));
    set(ends, n, parse(line.slice(first + 1, second)));
    codes[n] = code;
    n += 1;
  }
  return { starts, ends, countries, codes: codes.subarray(0, n) };
}

function bisect<T extends ArrayLike<number | bigint>>(
  table: RangeTable<T>,
  ip: number | bigint,
): string | undefined {
  let lo = 0;
  let hi = table.codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = table.starts[mid]!;
    if (start > ip) hi = mid - 1;
    else if (table.ends[mid]! < ip) lo = mid + 1;
    else return table.countries[table.codes[mid]!];
  }
  return undefined;
}

export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function ipv6ToBigInt(ip: string): bigint {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) + BigInt(parseInt(group || '0', 16)), 0n);
}

/** Loads the IPv4 table now, so the first message does not pay for it (benchmarks, servers). */
export function preloadIpCountry(): void {
  v4 ??= loadTable(
    'geo-whois-asn-country-ipv4-num.csv',
    Number,
    (n) => new Uint32Array(n),
    (t, i, v) => {
      t[i] = v as number;
    },
  );
}

/**
 * Countries of IPs seen so far ('' when unknown): the same relays and senders recur across mail.
 * Bounded so a long-running service does not keep every address it ever saw.
 */
const countryOfIp = new Map<string, string>();
const reservedIp = new Map<string, boolean>();
const REMEMBERED_IPS = 20_000;

function remember<T>(seen: Map<string, T>, ip: string, value: T): T {
  if (seen.size >= REMEMBERED_IPS) seen.clear();
  seen.set(ip, value);
  return value;
}

/** ISO 3166 alpha-2 country of a public IP, undefined when unknown. */
export function ipCountry(ip: string): string | undefined {
  const country = countryOfIp.get(ip) ?? remember(countryOfIp, ip, lookUpCountry(ip) ?? '');
  return country || undefined;
}

function lookUpCountry(ip: string): string | undefined {
  if (isIPv4(ip)) {
    preloadIpCountry();
    return bisect(v4!, ipv4ToNumber(ip));
  }
  if (isIPv6(ip)) {
    v6 ??= loadTable(
      'geo-whois-asn-country-ipv6-num.csv',
      BigInt,
      (): bigint[] => [],
      (t, i, v) => {
        t[i] = v as bigint;
      },
    );
    return bisect(v6, ipv6ToBigInt(ip));
  }
  return undefined;
}

const reservedV4: Array<[number, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
].map(([base, bits]) => [ipv4ToNumber(base as string), bits as number]);

/** Private, loopback, link-local, documentation, multicast and other non-routable addresses. */
export function isReservedIp(ip: string): boolean {
  return reservedIp.get(ip) ?? remember(reservedIp, ip, checkReserved(ip));
}

function checkReserved(ip: string): boolean {
  if (isIPv4(ip)) {
    const n = ipv4ToNumber(ip);
    return reservedV4.some(
      ([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
    );
  }
  if (isIPv6(ip)) {
    const lower = ip.toLowerCase();
    if (lower.startsWith('::ffff:')) return checkReserved(lower.slice(7));
    return lower === '::1' || lower === '::' || /^(fc|fd|fe8|fe9|fea|feb|ff|2001:db8)/.test(lower);
  }
  return true;
}
