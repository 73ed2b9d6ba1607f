import { DEFAULT_TRIAGE_CONFIG } from './triage.config';
import { loadTriageConfig, TriageConfigError } from './triage-config.loader';

describe('loadTriageConfig', () => {
  it('returns the defaults for an empty override', () => {
    expect(loadTriageConfig('{}')).toEqual(DEFAULT_TRIAGE_CONFIG);
  });

  it('merges weights, thresholds and lists from a deployment file', () => {
    const config = loadTriageConfig({
      ownDomains: ['Qiaolanstone.com'],
      weights: { 'spam.seo-pitch': 5 },
      scoring: { thresholds: { spam: 60 } },
    });
    expect(config.ownDomains).toEqual(['qiaolanstone.com']);
    expect(config.weights['spam.seo-pitch']).toBe(5);
    expect(config.weights['scam.advance-fee']).toBe(
      DEFAULT_TRIAGE_CONFIG.weights['scam.advance-fee'],
    );
    expect(config.scoring.thresholds).toEqual({
      ...DEFAULT_TRIAGE_CONFIG.scoring.thresholds,
      spam: 60,
    });
  });

  it('adds extra marketplaces to the built-in ones', () => {
    const config = loadTriageConfig({
      extraMarketplaces: [
        {
          id: 'x',
          name: 'X Market',
          senderDomains: ['notice.x.example'],
          layout: ['new inquiry'],
          fields: { country: '^country:\\s*(.+)$' },
        },
      ],
    });
    expect(config.marketplaces.map((m) => m.id)).toEqual([
      'alibaba',
      'made-in-china',
      'global-sources',
      'x',
    ]);
  });

  it.each([
    ['{"ownDomain": []}', 'ownDomain: is not a known setting'],
    ['{"weights": {"spam.nope": 1}}', 'weights.spam.nope: is not a known setting'],
    ['{"weights": {"spam.seo-pitch": "high"}}', 'weights.spam.seo-pitch: must be a number'],
    ['{"ownDomains": "a.com"}', 'ownDomains: must be an array of strings'],
    ['{"sla": {"open": "9am"}}', 'sla.open: must be HH:MM'],
    [
      '{"sla": {"timeZone": "Mars/Olympus"}}',
      "sla.timeZone: 'Mars/Olympus' is not an IANA time zone",
    ],
    [
      '{"extraMarketplaces": [{"id": "x", "name": "X", "senderDomains": ["x.com"], "layout": ["(unclosed"]}]}',
      'extraMarketplaces.0.layout.0: is not a valid regular expression',
    ],
    [
      '{"extraMarketplaces": [{"id": "x", "name": "X", "senderDomains": [], "layout": ["a"]}]}',
      'extraMarketplaces.0.senderDomains: must not be empty',
    ],
    ['not json', '(file): is not valid JSON'],
  ])('rejects %s naming the key', (json, message) => {
    expect(() => loadTriageConfig(json)).toThrow(TriageConfigError);
    expect(() => loadTriageConfig(json)).toThrow(message);
  });
});
