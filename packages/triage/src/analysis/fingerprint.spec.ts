import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { hammingDistance, simhash } from './fingerprint';

const probe =
  'Dear friend, please send the complete price list of all your quartz colours, your monthly production capacity and the names of your main customers in Australia. We are a big importer and will order soon.';

describe('simhash', () => {
  it('puts a lightly edited copy within the near-duplicate distance', () => {
    const edited = probe.replace('Australia', 'New Zealand').replace('Dear friend', 'Hello');
    expect(hammingDistance(simhash(probe), simhash(edited))).toBeLessThanOrEqual(
      DEFAULT_TRIAGE_CONFIG.scoring.nearDuplicateBits,
    );
  });

  it('puts an unrelated inquiry far away', () => {
    const other =
      'Hi Lily, please quote 2 x 40HQ of prefab vanity tops 37 x 22 inch with 4 inch backsplash, FOB Xiamen, NSF certificate required, payment 30% deposit.';
    expect(hammingDistance(simhash(probe), simhash(other))).toBeGreaterThan(16);
  });

  it('is stable and 16 hex digits', () => {
    expect(simhash(probe)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(probe)).toBe(simhash(probe));
  });

  it('treats malformed fingerprints as maximally distant', () => {
    expect(hammingDistance('zz', simhash(probe))).toBe(64);
  });
});
