import type { RecentInquiry } from '@inquiry/triage';
import type { HistoryRow } from './triage.repository';

const DAY_MS = 86_400_000;

/** Inquiry ids are unknown until stored; entries remembered before that carry none. */
export type WindowEntry = Omit<HistoryRow, 'inquiryId'> & { inquiryId?: number };

/**
 * The earlier inquiries loaded for one span of time, so that consecutive messages (live mail,
 * or a backlog imported in date order) are compared without a query each. A load covers the
 * `days` before a message and the `days` after it; the newest rows win when the span holds
 * more than the bound, and the span then starts at the oldest row kept.
 */
export class RecentInquiriesWindow {
  private readonly entries: WindowEntry[];

  private constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly loadedAt: number,
    entries: WindowEntry[],
  ) {
    this.entries = entries;
  }

  /** The span a message received at `at` needs loaded. */
  static span(at: Date, days: number): { from: Date; to: Date } {
    return {
      from: new Date(at.getTime() - days * DAY_MS),
      to: new Date(at.getTime() + days * DAY_MS),
    };
  }

  static loaded(
    at: Date,
    days: number,
    rows: HistoryRow[],
    limit: number,
    loadedAt: number,
  ): RecentInquiriesWindow {
    const { from, to } = RecentInquiriesWindow.span(at, days);
    const oldest = rows[rows.length - 1];
    const start = rows.length >= limit && oldest ? oldest.receivedAt.getTime() : from.getTime();
    return new RecentInquiriesWindow(start, to.getTime(), loadedAt, [...rows]);
  }

  /** Whether this load can answer for a message received at `at`, checked at `now`. */
  covers(at: Date, days: number, now: number, maxAgeMs: number): boolean {
    const t = at.getTime();
    return now - this.loadedAt <= maxAgeMs && t - days * DAY_MS >= this.from && t <= this.to;
  }

  /** Inquiries received in the `days` before `at`, the inquiry being judged left out. */
  recent(at: Date, days: number, exceptInquiryId?: number): RecentInquiry[] {
    const t = at.getTime();
    return this.entries
      .filter(
        (entry) =>
          entry.receivedAt.getTime() <= t &&
          entry.receivedAt.getTime() >= t - days * DAY_MS &&
          (exceptInquiryId === undefined || entry.inquiryId !== exceptInquiryId),
      )
      .map(({ fingerprint, sender, receivedAt }) => ({ fingerprint, sender, receivedAt }));
  }

  /** A freshly triaged inquiry; replaces the entry of the same inquiry when re-triaged. */
  add(entry: WindowEntry): void {
    const t = entry.receivedAt.getTime();
    if (t < this.from || t > this.to) return;
    const same =
      entry.inquiryId === undefined
        ? -1
        : this.entries.findIndex((e) => e.inquiryId === entry.inquiryId);
    if (same >= 0) this.entries[same] = entry;
    else this.entries.push(entry);
  }
}
