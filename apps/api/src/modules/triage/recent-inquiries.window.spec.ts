import { RecentInquiriesWindow } from './recent-inquiries.window';

const DAY = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2026, 2, 1) + day * DAY);
const row = (inquiryId: number, day: number, fingerprint = `${inquiryId}`.padStart(16, '0')) => ({
  inquiryId,
  fingerprint,
  sender: `s${inquiryId}@buyer.example`,
  receivedAt: at(day),
});

describe('RecentInquiriesWindow', () => {
  const loadedAt = 1_000_000;

  it('answers for later messages of the loaded span until it is too old', () => {
    const window = RecentInquiriesWindow.loaded(at(10), 7, [], 2_000, loadedAt);
    expect(window.covers(at(10), 7, loadedAt, 30_000)).toBe(true);
    expect(window.covers(at(16), 7, loadedAt, 30_000)).toBe(true);
    expect(window.covers(at(18), 7, loadedAt, 30_000)).toBe(false);
    expect(window.covers(at(9), 7, loadedAt, 30_000)).toBe(false);
    expect(window.covers(at(10), 7, loadedAt + 30_001, 30_000)).toBe(false);
  });

  it('gives the inquiries of the days before a message, not later ones nor itself', () => {
    const window = RecentInquiriesWindow.loaded(
      at(10),
      7,
      [row(4, 12), row(3, 10), row(2, 5), row(1, 3)],
      2_000,
      loadedAt,
    );
    const senders = (day: number, except?: number) =>
      window.recent(at(day), 7, except).map((entry) => entry.sender);
    expect(senders(10)).toEqual(['s3@buyer.example', 's2@buyer.example', 's1@buyer.example']);
    expect(senders(10, 3)).toEqual(['s2@buyer.example', 's1@buyer.example']);
    expect(senders(13)).toEqual(['s4@buyer.example', 's3@buyer.example']);
  });

  it('starts at the oldest row kept when the bound cut the span', () => {
    const window = RecentInquiriesWindow.loaded(at(10), 7, [row(2, 9), row(1, 8)], 2, loadedAt);
    expect(window.covers(at(10), 7, loadedAt, 30_000)).toBe(false);
    expect(window.covers(at(15), 7, loadedAt, 30_000)).toBe(true);
  });

  it('adds fresh inquiries and replaces a re-triaged one', () => {
    const window = RecentInquiriesWindow.loaded(
      at(10),
      7,
      [row(1, 9, 'aaaaaaaaaaaaaaaa')],
      2_000,
      loadedAt,
    );
    window.add({
      fingerprint: 'bbbbbbbbbbbbbbbb',
      sender: 'new@buyer.example',
      receivedAt: at(10),
    });
    window.add({ ...row(1, 9), fingerprint: 'cccccccccccccccc' });
    window.add(row(9, 30));
    expect(window.recent(at(40), 40).map((entry) => entry.fingerprint)).toEqual([
      'cccccccccccccccc',
      'bbbbbbbbbbbbbbbb',
    ]);
  });
});
