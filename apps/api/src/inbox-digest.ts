import type { InquiryPageDto } from './modules/inquiries/inquiries.dto';

const SUBJECT_WIDTH = 48;
const SENDER_WIDTH = 28;

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

function due(at: Date | null, now: Date): string {
  if (at === null) return 'no reply';
  const hours = Math.round((at.getTime() - now.getTime()) / 3_600_000);
  return hours < 0 ? `${-hours}h overdue` : `in ${hours}h`;
}

/**
 * The console view of the inbox printed when the service starts: what to answer first
 * (earliest reply deadline on top) and what triage set aside, so a newcomer sees triage
 * working before touching the API.
 */
export function formatInboxDigest(page: InquiryPageDto, now: Date): string {
  if (page.items.length === 0) {
    return 'Inbox: no inquiries yet. Connect a mailbox (POST /api/mailboxes) or run `npx inquiry import PATH`.';
  }
  const header = `${'#'.padStart(4)}  tier  verdict  lang  ${'due'.padEnd(12)}  ${'from'.padEnd(SENDER_WIDTH)}  subject`;
  const rows = page.items.map((item) =>
    [
      String(item.id).padStart(4),
      (item.tier ?? '-').padEnd(4),
      (item.verdict ?? 'pending').padEnd(7),
      (item.language ?? '-').padEnd(4),
      due(item.slaDueAt, now).padEnd(12),
      fit(item.from?.name || item.from?.address || '', SENDER_WIDTH),
      fit(item.subject, SUBJECT_WIDTH),
    ].join('  '),
  );
  const more = page.nextCursor === null ? '' : '\n  … more at GET /api/inquiries';
  return `Inbox, most urgent first:\n${header}\n${rows.join('\n')}${more}`;
}
