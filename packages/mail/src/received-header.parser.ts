import { isIP } from 'node:net';
import { parseRfc5322Date } from './date-header.parser';
import type { ReceivedHop } from './message';

const HELO_MARKER = /\b(?:helo|ehlo)(?:=|\s+)([^\s()]+)/i;
const BRACKETED_IP = /\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]/gi;
const BARE_IP =
  /(?:^|[\s(@])((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::(?:\d{1,3}\.){3}\d{1,3})?)(?=$|[\s)\]:,])/g;
const HOST_NAME =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const NOT_A_NAME = /^(?:unknown|\[.*\])$/i;
/** The keyword that ends the `from` clause, tried where a space is (the value's whitespace is collapsed). */
const NEXT_CLAUSE = / (?:by|with|id|for|via)\s/iy;

function firstIp(clause: string): string | undefined {
  for (const match of clause.matchAll(BRACKETED_IP)) {
    const ip = match[1] ?? '';
    if (isIP(ip)) return ip.toLowerCase();
  }
  for (const match of clause.matchAll(BARE_IP)) {
    const ip = match[1] ?? '';
    if (isIP(ip)) return ip.toLowerCase();
  }
  return undefined;
}

function hostName(token: string | undefined): string | undefined {
  if (!token || NOT_A_NAME.test(token) || isIP(token)) return undefined;
  const host = token.replace(/^[^@]*@/, '').replace(/\.$/, '');
  return HOST_NAME.test(host) ? host.toLowerCase() : undefined;
}

/** The `from` clause: everything between `from` and the next `by`/`with`/`id`/`for`/`;` outside comments. */
function fromClause(value: string): string | undefined {
  const start = /(?:^|\s)from\s+/i.exec(value);
  if (!start) return undefined;
  let depth = 0;
  const rest = value.slice(start.index + start[0].length);
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === ';') return rest.slice(0, i);
    else if (depth === 0 && char === ' ') {
      NEXT_CLAUSE.lastIndex = i;
      if (NEXT_CLAUSE.test(rest)) return rest.slice(0, i);
    }
  }
  return rest;
}

/**
 * Parses one `Received:` value. The layouts of Postfix/Sendmail (`from HELO (rDNS [IP])`), Exim
 * (`from rDNS ([IP] helo=HELO)`), qmail (`from rDNS (HELO name) (IP)`) and Exchange
 * (`from HELO (IPv6)`) all put the announced name first unless a `helo` marker says otherwise.
 */
export function parseReceived(raw: string): ReceivedHop {
  const value = raw.replace(/\s+/g, ' ').trim();
  const hop: ReceivedHop = { raw: raw.trim() };
  const semicolon = value.lastIndexOf(';');
  if (semicolon !== -1) {
    const date = parseRfc5322Date(value.slice(semicolon + 1))?.date;
    if (date) hop.date = date;
  }
  const by = /(?:^|[\s)])by\s+([^\s;()]+)/i.exec(value);
  if (by?.[1]) hop.by = by[1].toLowerCase();

  const clause = fromClause(value);
  if (clause === undefined) return hop;
  const ip = firstIp(clause);
  if (ip) hop.fromIp = ip;

  const first = clause.split(/[\s(]/, 1)[0];
  const comments = clause.slice(first?.length ?? 0);
  const helo = HELO_MARKER.exec(comments)?.[1];
  if (helo !== undefined) {
    hop.fromHelo = helo.toLowerCase();
    const rdns = hostName(first);
    if (rdns) hop.fromRdns = rdns;
    return hop;
  }
  const announced = hostName(first);
  if (announced) hop.fromHelo = announced;
  const rdns = /\(\s*(?:[^\s@()]+@)?([^\s()[\]]+)\s+\[/.exec(comments)?.[1];
  const resolved = hostName(rdns);
  if (resolved) hop.fromRdns = resolved;
  return hop;
}
