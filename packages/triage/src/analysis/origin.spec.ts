import { buildMessage, header, TEST_CONFIG } from '../test/message.builder';
import { ipCountry, isReservedIp } from './ip-country';
import { findOrigin } from './origin';

describe('ipCountry', () => {
  it.each([
    ['8.8.8.8', 'US'],
    ['61.135.169.121', 'CN'],
    ['193.99.144.80', 'DE'],
    ['2001:4860:4860::8888', 'US'],
  ])('%s is in %s', (ip, country) => {
    expect(ipCountry(ip)).toBe(country);
  });

  it.each([
    '10.1.2.3',
    '192.168.1.133',
    '127.0.0.1',
    '172.20.0.1',
    '100.64.1.1',
    '::1',
    'fe80::1',
    'not-an-ip',
  ])('%s is not an origin', (ip) => {
    expect(isReservedIp(ip)).toBe(true);
  });
});

describe('findOrigin', () => {
  it('takes the earliest public hop below our own relays', () => {
    const message = buildMessage({
      received: [
        { raw: '', fromIp: '127.0.0.1', fromRdns: 'localhost' },
        { raw: '', fromIp: '45.33.92.115', fromRdns: 'cp-us14.webhost.example' },
        { raw: '', fromIp: '193.99.144.80', fromHelo: '[192.168.1.133]' },
        { raw: '', fromIp: '192.168.1.133' },
      ],
    });
    expect(findOrigin(message, TEST_CONFIG)).toEqual({
      ip: '193.99.144.80',
      country: 'DE',
      source: 'received',
    });
  });

  it('prefers X-Originating-IP', () => {
    const message = buildMessage({
      headers: [header('x-originating-ip', '[61.135.169.121]')],
      received: [{ raw: '', fromIp: '193.99.144.80' }],
    });
    expect(findOrigin(message, TEST_CONFIG)).toEqual({
      ip: '61.135.169.121',
      country: 'CN',
      source: 'x-originating-ip',
    });
  });

  it('reports no origin when only webmail servers are visible', () => {
    const message = buildMessage({
      received: [{ raw: '', fromIp: '209.85.220.41', fromRdns: 'mail-sor-f41.google.com' }],
    });
    expect(findOrigin(message, TEST_CONFIG)).toEqual({});
  });
});
