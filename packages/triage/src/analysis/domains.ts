import { getDomain, parse } from 'tldts';

/** Hosts seen so far: senders, trackers and the configured sites recur from message to message. */
const registrable = new Map<string, string>();
/** Bound on remembered hosts, so a long-running service does not keep every host it ever saw. */
const REMEMBERED_HOSTS = 20_000;

/** Registrable domain (`mail.example.co.uk` -> `example.co.uk`), or the host itself when it has none. */
export function registrableDomain(host: string): string {
  let site = registrable.get(host);
  if (site === undefined) {
    const cleaned = host.toLowerCase().replace(/\.$/, '');
    site = getDomain(cleaned, { allowPrivateDomains: false }) ?? cleaned;
    if (registrable.size >= REMEMBERED_HOSTS) registrable.clear();
    registrable.set(host, site);
  }
  return site;
}

/** True when `host` is `suffix` or a subdomain of it. */
export function hostMatches(host: string | undefined, suffixes: readonly string[]): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/\.$/, '');
  return suffixes.some((s) => h === s || h.endsWith(`.${s}`));
}

export function domainOf(address: string | undefined): string {
  if (!address) return '';
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

export function localPartOf(address: string | undefined): string {
  if (!address) return '';
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at).toLowerCase();
}

/** Public suffix (`co.uk`, `de`) of a host, '' when unknown. */
export function publicSuffix(host: string): string {
  return parse(host).publicSuffix ?? '';
}

export function isIpLiteral(host: string): boolean {
  return /^\[?[0-9a-f:.]+\]?$/i.test(host) && /[.:]/.test(host) && !/[g-z]/i.test(host);
}
