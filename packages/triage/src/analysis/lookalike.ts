import { getDomainWithoutSuffix, getPublicSuffix } from 'tldts';

const HOMOGLYPHS: Array<[RegExp, string]> = [
  [/rn/g, 'm'], [/vv/g, 'w'], [/0/g, 'o'], [/1/g, 'l'], [/[|!]/g, 'l'], [/5/g, 's'], [/3/g, 'e'],
];

function skeleton(label: string): string {
  return HOMOGLYPHS.reduce((text, [from, to]) => text.replace(from, to), label.replace(/[-_.]/g, ''));
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
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
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
  if (!site || site === protectedSite) return false;
  const name = getDomainWithoutSuffix(site) ?? site;
  const target = getDomainWithoutSuffix(protectedSite) ?? protectedSite;
  if (!name || !target) return false;
  if (name === target) return getPublicSuffix(site) !== getPublicSuffix(protectedSite);
  if (skeleton(name) === skeleton(target)) return true;
  if (target.length >= 6 && editDistance(name, target, 2) <= (target.length >= 9 ? 2 : 1)) return true;
  const words = name.split('-');
  return words.length > 1 && words.includes(target) && target.length >= 3;
}
