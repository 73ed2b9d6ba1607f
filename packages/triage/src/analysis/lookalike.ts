import { getDomainWithoutSuffix, getPublicSuffix } from 'tldts';
import type { TriageConfig } from '../triage.config';
import { hostMatches, registrableDomain } from './domains';

const HOMOGLYPHS: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/[|!]/g, 'l'],
  [/5/g, 's'],
  [/3/g, 'e'],
];

function skeleton(label: string): string {
  return HOMOGLYPHS.reduce(
    (text, [from, to]) => text.replace(from, to),
    label.replace(/[-_.]/g, ''),
  );
}

/** Optimal-string-alignment distance (edits, including one swap of neighbours), capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether `site` (a registrable domain) imitates `protectedSite`: a homoglyph or one-two letter
 * change, an added or removed hyphen, the same name under another suffix, or the brand name plus
 * words (`brand-suppliers.com`).
 */
export function looksLike(site: string, protectedSite: string): boolean {
  return imitatedBy(site, [protectedSite]) !== undefined;
}

interface Target {
  site: string;
  name: string;
  suffix: string;
  skeleton: string;
}

const targetCache = new Map<string, Target>();

function target(site: string): Target {
  let t = targetCache.get(site);
  if (!t) {
    const name = getDomainWithoutSuffix(site) ?? site;
    t = { site, name, suffix: getPublicSuffix(site) ?? '', skeleton: skeleton(name) };
    targetCache.set(site, t);
  }
  return t;
}

/** The first of `protectedSites` that `site` imitates, if any. */
export function imitatedBy(site: string, protectedSites: readonly string[]): string | undefined {
  if (!site) return undefined;
  const name = getDomainWithoutSuffix(site) ?? site;
  if (!name) return undefined;
  const suffix = getPublicSuffix(site) ?? '';
  const shape = skeleton(name);
  const words = name.split('-');
  for (const protectedSite of protectedSites) {
    if (site === protectedSite) continue;
    const t = target(protectedSite);
    if (!t.name) continue;
    if (name === t.name) {
      if (suffix !== t.suffix) return protectedSite;
      continue;
    }
    if (shape === t.skeleton) return protectedSite;
    if (
      t.name.length >= 6 &&
      Math.abs(name.length - t.name.length) <= 2 &&
      editDistance(name, t.name, 2) <= (t.name.length >= 9 ? 2 : 1)
    )
      return protectedSite;
    if (words.length > 1 && t.name.length >= 3 && words.includes(t.name)) return protectedSite;
  }
  return undefined;
}

/** The sites phishing imitates: our own, the protected brands and the marketplaces, each once. */
export function protectedSites(config: TriageConfig): string[] {
  return [
    ...new Set(
      [
        ...config.ownDomains,
        ...config.protectedDomains,
        ...config.marketplaces.flatMap((m) => [...m.senderDomains, ...m.linkDomains]),
      ].map(registrableDomain),
    ),
  ];
}

/**
 * The site each candidate imitates ('' for none), per set of protected sites: the same trackers
 * and senders recur across messages, and comparing one against every target is the costly part.
 */
const imitationsByTargets = new Map<string, Map<string, string>>();
/** Bound on remembered sites per target set, so a long-running service does not grow without end. */
const REMEMBERED_SITES = 20_000;
const TARGET_SETS = 8;

function imitations(targets: readonly string[]): Map<string, string> {
  const key = targets.join(' ');
  let seen = imitationsByTargets.get(key);
  if (!seen) {
    // A few deployments' configurations may take turns; more than that start afresh.
    if (imitationsByTargets.size >= TARGET_SETS) imitationsByTargets.clear();
    seen = new Map();
    imitationsByTargets.set(key, seen);
  }
  return seen;
}

/** The first of `sites` (registrable domains) that imitates a protected site, and which one. */
export function firstImitation(
  sites: Iterable<string>,
  config: TriageConfig,
): { site: string; imitated: string } | undefined {
  const targets = protectedSites(config);
  const seen = imitations(targets);
  for (const site of sites) {
    let imitated = seen.get(site);
    if (imitated === undefined) {
      imitated = hostMatches(site, targets) ? '' : (imitatedBy(site, targets) ?? '');
      if (seen.size >= REMEMBERED_SITES) seen.clear();
      seen.set(site, imitated);
    }
    if (imitated) return { site, imitated };
  }
  return undefined;
}
