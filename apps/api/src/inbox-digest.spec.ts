import { formatInboxDigest } from './inbox-digest';
import type { InquirySummaryDto } from './modules/inquiries/inquiries.dto';

const now = new Date('2026-03-02T10:00:00Z');

function item(overrides: Partial<InquirySummaryDto>): InquirySummaryDto {
  return {
    id: 1,
    status: 'new',
    assignee: null,
    verdict: 'clean',
    triageVerdict: 'clean',
    scores: { spam: 0, scam: 0, spy: 0 },
    tier: 'A',
    language: 'es',
    slaDueAt: new Date('2026-03-02T12:00:00Z'),
    receivedAt: now,
    mailboxId: null,
    threadId: 1,
    messageId: 1,
    subject: 'Cotización paneles LED 600x600',
    from: { address: 'ana@ruiz.example', name: 'Ana Ruiz' },
    snippet: '',
    ...overrides,
  };
}

describe('formatInboxDigest', () => {
  it('lists each inquiry with tier, verdict, language, deadline, sender and subject', () => {
    const text = formatInboxDigest(
      {
        items: [
          item({}),
          item({
            id: 2,
            tier: 'D',
            verdict: 'scam',
            language: 'en',
            slaDueAt: null,
            subject: 'Urgent: update our bank account',
            from: { address: 'pay@x.example', name: '' },
          }),
          item({ id: 3, slaDueAt: new Date('2026-03-02T07:00:00Z'), verdict: null, tier: null }),
        ],
        nextCursor: null,
      },
      now,
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^\s+1\s+A\s+clean\s+es\s+in 2h\s+Ana Ruiz\s+Cotización paneles/);
    expect(lines[3]).toMatch(/^\s+2\s+D\s+scam\s+en\s+no reply\s+pay@x\.example\s+Urgent/);
    expect(lines[4]).toMatch(/^\s+3\s+-\s+pending\s+es\s+3h overdue/);
    expect(text).not.toContain('more at');
  });

  it('says how to get mail in when the inbox is empty, and points to the API when there is more', () => {
    expect(formatInboxDigest({ items: [], nextCursor: null }, now)).toContain(
      'POST /api/mailboxes',
    );
    expect(formatInboxDigest({ items: [item({})], nextCursor: 'abc' }, now)).toContain(
      'more at GET /api/inquiries',
    );
  });
});
