import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import { buildMessage, TEST_CONFIG } from './test/message.builder';
import { triage } from './triage.engine';
import { TRIAGE_RULES } from './rules';

const FIXTURES = join(__dirname, 'test/fixtures');

interface Golden {
  verdict: string;
  tier: string;
  origin: string | null;
  signals: string[];
  marketplace?: object;
}

describe('triage on golden messages', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.eml'));

  it.each(files)('%s matches its expected verdict, tier and signals', async (file) => {
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, file.replace('.eml', '.expected.json')), 'utf8'),
    ) as Golden;
    const message = await parseMessage(readFileSync(join(FIXTURES, file)));
    const result = triage({ message }, {}, TEST_CONFIG);
    expect({
      verdict: result.verdict,
      tier: result.tier,
      origin: result.origin.country ?? null,
      signals: result.signals.map((s) => s.id),
      ...(result.marketplace ? { marketplace: result.marketplace } : {}),
    }).toEqual(expected);
  });
});

describe('triage', () => {
  const rfq =
    'Dear Lily, please quote 2 x 40HQ quartz slabs 3200 x 1600 x 20 mm, FOB Xiamen, 30% T/T deposit.';

  it('scores each class from 0 to 100 and leaves a plain inquiry clean', () => {
    const result = triage({ message: buildMessage({ text: rfq }) }, {}, TEST_CONFIG);
    expect(result.verdict).toBe('clean');
    expect(Object.values(result.scores).every((s) => s >= 0 && s <= 100)).toBe(true);
    expect(result.suggestedAction).toBe('reply');
  });

  it('gives a specific, complete inquiry tier A with a due time two business hours later', () => {
    const result = triage(
      { message: buildMessage({ text: rfq }) },
      { now: new Date('2024-10-08T02:00:00Z') },
      TEST_CONFIG,
    );
    expect(result.tier).toBe('A');
    expect(result.slaDue?.toISOString()).toBe('2024-10-08T04:00:00.000Z');
  });

  it('gives a catalogue-only request tier C', () => {
    const result = triage(
      { message: buildMessage({ text: 'Hello, please send your catalogue. Thanks.' }) },
      {},
      TEST_CONFIG,
    );
    expect(result.tier).toBe('C');
  });

  it('puts suspicious mail in tier D with no deadline and a suggested action', () => {
    const text =
      'Sign in to view the purchase order. Your mailbox will be suspended. Send your card number and CVV.';
    const result = triage({ message: buildMessage({ text }) }, {}, TEST_CONFIG);
    expect(result.verdict).toBe('scam');
    expect(result.tier).toBe('D');
    expect(result.slaDue).toBeUndefined();
    expect(result.suggestedAction).toBe('report');
  });

  it('lets genuine evidence outweigh a single weak warning sign', () => {
    const gmail = { address: 'kwame.mensah@gmail.com', name: 'Kwame Mensah' };
    const vague = triage(
      { message: buildMessage({ from: gmail, text: 'Dear Sir, urgent, send prices.' }) },
      {},
      TEST_CONFIG,
    );
    const specific = triage(
      { message: buildMessage({ from: gmail, text: `Dear Sir, urgent. ${rfq}` }) },
      {},
      TEST_CONFIG,
    );
    expect(specific.scores.scam).toBeLessThan(vague.scores.scam);
    expect(specific.verdict).toBe('clean');
  });

  it('lets no wording, however genuine, outweigh a sender that imitates our domain', () => {
    const impostor = { address: 'lily@exp0rter-example.com', name: 'Lily' };
    const copied = triage(
      { message: buildMessage({ from: impostor, text: rfq }) },
      {},
      TEST_CONFIG,
    );
    expect(copied.verdict).toBe('scam');
    // A look-alike link in a genuine request is what it says, not who sends it: still offset.
    const linked = triage(
      {
        message: buildMessage({
          text: rfq,
          links: [{ url: 'https://exp0rter-example.com/', host: 'exp0rter-example.com', text: '' }],
        }),
      },
      {},
      TEST_CONFIG,
    );
    expect(linked.signals.map((signal) => signal.id)).toContain('link.lookalike-domain');
    expect(linked.verdict).toBe('clean');
  });

  it('returns a fingerprint that flags the same probe from another sender', () => {
    const probe =
      'Send the full price list of all products, your production capacity and your main customers in Europe.';
    const first = triage({ message: buildMessage({ text: probe }) }, {}, TEST_CONFIG);
    const second = triage(
      { message: buildMessage({ text: probe, from: { address: 'other@qq.com', name: '' } }) },
      {
        recentInquiries: [
          { fingerprint: first.fingerprint, sender: 'anna.schmidt@buyer-example.de' },
        ],
      },
      TEST_CONFIG,
    );
    expect(second.signals.map((s) => s.id)).toContain('spy.near-duplicate');
    expect(second.verdict).toBe('spy');
  });

  it('uses configured weights: a zero weight silences a signal', () => {
    const config = { ...TEST_CONFIG, weights: { ...TEST_CONFIG.weights, 'scam.urgency': 0 } };
    const result = triage({ message: buildMessage({ text: 'urgent' }) }, {}, config, TRIAGE_RULES);
    expect(result.signals.map((s) => s.id)).not.toContain('scam.urgency');
  });

  it('reads the buyer message, not the template, of a configured marketplace', () => {
    const config = {
      ...TEST_CONFIG,
      marketplaces: [
        {
          id: 'm',
          name: 'Marketo',
          senderDomains: ['notice.marketo-example.com'],
          linkDomains: [],
          layout: ['new inquiry'],
          fields: { message: '^message:\\s*(.+)$', country: '^country:\\s*(.+)$' },
          verifiedBadges: [],
          newAccountBadges: [],
        },
      ],
    };
    const text =
      'New inquiry\nCountry: Kenya\nMessage: Please quote 300 pcs FOB Xiamen.\nNever share your password or card number.';
    const result = triage(
      {
        message: buildMessage({
          from: { address: 'x@notice.marketo-example.com', name: 'Marketo' },
          text,
        }),
      },
      {},
      config,
    );
    expect(result.marketplace).toMatchObject({
      platform: 'Marketo',
      country: 'Kenya',
      message: 'Please quote 300 pcs FOB Xiamen.',
    });
    expect(result.claimedCountries).toEqual(['KE']);
    expect(result.signals.map((s) => s.id)).not.toContain('scam.credential-request');
  });
});
