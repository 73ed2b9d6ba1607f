import type { InquiryEntity, Tier } from '../../database/entities';

type Triaged = Pick<InquiryEntity, 'tier' | 'slaDueAt' | 'verdictOverride'>;

/*
 * A rep's verdict override outranks triage, which keeps its own verdict, tier and deadline
 * beside it (re-triage rewrites those, never the override). Marked spam, scam or spy, an
 * inquiry gets no sales reply: tier D, no deadline. Marked clean, it keeps triage's tier and
 * deadline, unless triage had put it in D: then it is genuine but unranked (C), and without a
 * deadline, since triage's clock stopped at D and a deadline counted from its arrival would
 * mostly lie in the past by the time a rep rescues it.
 *
 * The list filters and sorts by the same rule in SQL (`effectiveTierSql`, `effectiveSlaSql`),
 * so what the API shows and what it finds agree.
 */

export function effectiveTier(inquiry: Pick<Triaged, 'tier' | 'verdictOverride'>): Tier | null {
  if (!inquiry.verdictOverride) return inquiry.tier;
  if (inquiry.verdictOverride !== 'clean') return 'D';
  return inquiry.tier === 'D' ? 'C' : inquiry.tier;
}

export function effectiveSlaDueAt(inquiry: Triaged): Date | null {
  return inquiry.verdictOverride && inquiry.verdictOverride !== 'clean' ? null : inquiry.slaDueAt;
}

/** `effectiveTier` over the columns of the inquiries table under `alias`. */
export function effectiveTierSql(alias: string): string {
  return (
    `CASE WHEN ${alias}.verdict_override IS NULL THEN ${alias}.tier ` +
    `WHEN ${alias}.verdict_override <> 'clean' THEN 'D' ` +
    `WHEN ${alias}.tier = 'D' THEN 'C' ELSE ${alias}.tier END`
  );
}

/** `effectiveSlaDueAt` over the columns of the inquiries table under `alias`. */
export function effectiveSlaSql(alias: string): string {
  return (
    `CASE WHEN ${alias}.verdict_override IS NULL OR ${alias}.verdict_override = 'clean' ` +
    `THEN ${alias}.sla_due_at END`
  );
}
