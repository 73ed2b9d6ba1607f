import { countryOfDomain, countryOfName, findCountryClaims } from './claimed-country';

describe('claimed country', () => {
  it('reads phone prefixes and country names from the signature, and the ccTLD, once each', () => {
    const text = 'Please quote.\n\nJuan Pérez\nMonterrey, México\nMéxico\nTel. +52 81 8123 4567';
    const claims = findCountryClaims(text, 'acabados-example.com.mx');
    expect(claims.map((c) => `${c.country}:${c.source}`).sort()).toEqual([
      'MX:cctld',
      'MX:phone',
      'MX:signature',
    ]);
  });

  it('ignores country names in the body above the signature', () => {
    const body = `We sell in Germany and France.\n${'line\n'.repeat(20)}Regards\nAnna`;
    expect(findCountryClaims(body, 'gmail.com')).toEqual([]);
  });

  it.each([
    ['example.co.uk', 'GB'],
    ['example.de', 'DE'],
    ['example.com', undefined],
    ['example.io', undefined],
  ])('country of domain %s is %s', (domain, country) => {
    expect(countryOfDomain(domain)).toBe(country);
  });

  it.each([
    ['Australia', 'AU'],
    ['UAE', 'AE'],
    ['Deutschland', 'DE'],
    ['nowhere land', undefined],
  ])('country of name %s is %s', (name, country) => {
    expect(countryOfName(name)).toBe(country);
  });
});
