import { looksLike } from './lookalike';

describe('looksLike', () => {
  it.each([
    ['qiaolanst0ne.com', 'qiaolanstone.com', 'zero for o'],
    ['paypa1.com', 'paypal.com', 'one for l'],
    ['rnicrosoft.com', 'microsoft.com', 'rn for m'],
    ['brindleford-kitchens.co.uk', 'brindlefordkitchens.co.uk', 'extra hyphen'],
    ['alibaba.cn', 'alibaba.com', 'swapped suffix'],
    ['homedepot-suppliers.com', 'homedepot.com', 'brand plus words'],
    ['qiaolanstnoe.com', 'qiaolanstone.com', 'swapped letters'],
  ])('%s imitates %s (%s)', (site, target) => {
    expect(looksLike(site, target)).toBe(true);
  });

  it.each([
    ['qiaolanstone.com', 'qiaolanstone.com'],
    ['google.com', 'qiaolanstone.com'],
    ['upside.com', 'ups.com'],
    ['obikes.com', 'obi.de'],
  ])('%s does not imitate %s', (site, target) => {
    expect(looksLike(site, target)).toBe(false);
  });
});
