import type { NormalisedMessage } from '@inquiry/mail';
import { isIP } from 'node:net';
import type { TriageConfig } from '../triage.config';
import type { OriginInfo } from '../triage.types';
import { hostMatches } from './domains';
import { ipCountry, isReservedIp } from './ip-country';

const ORIGINATING_HEADERS = ['x-originating-ip', 'x-sender-ip', 'x-client-ip', 'x-real-ip'];

function cleanIp(value: string): string | undefined {
  const candidate = value
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^ipv6:/i, '');
  return isIP(candidate) ? candidate : undefined;
}

/**
 * The client IP that wrote the message: an X-Originating-IP style header if public, else the
 * earliest public hop of the Received chain that is not our own, a trusted relay or provider
 * infrastructure (webmail and bulk mailers hide the client, which leaves the origin unknown).
 */
export function findOrigin(message: NormalisedMessage, config: TriageConfig): OriginInfo {
  for (const header of message.headers) {
    if (!ORIGINATING_HEADERS.includes(header.name)) continue;
    const ip = cleanIp(header.value);
    if (ip && !isReservedIp(ip)) return { ip, country: ipCountry(ip), source: 'x-originating-ip' };
  }
  const ours = [...config.ownDomains, ...config.trustedRelays];
  let origin: string | undefined;
  for (const hop of message.received) {
    const ip = hop.fromIp ? cleanIp(hop.fromIp) : undefined;
    if (!ip || isReservedIp(ip)) continue;
    if (config.trustedRelays.includes(ip)) continue;
    const names = [hop.fromRdns, hop.fromHelo];
    if (names.some((name) => hostMatches(name, ours))) continue;
    if (names.some((name) => hostMatches(name, config.providerRelays))) continue;
    if (config.marketplaces.some((m) => names.some((name) => hostMatches(name, m.senderDomains))))
      continue;
    origin = ip;
  }
  return origin ? { ip: origin, country: ipCountry(origin), source: 'received' } : {};
}
