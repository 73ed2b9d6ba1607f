import { tradeCurrencyProblem } from './money';

describe('tradeCurrencyProblem', () => {
  it.each(['USD', 'EUR', 'CNY', 'JPY', 'KWD', 'XOF', 'XAF', 'XPF', 'XCD'])(
    'accepts %s, a currency goods are priced in',
    (code) => {
      expect(tradeCurrencyProblem(code)).toBeUndefined();
    },
  );

  it.each([
    ['usd', /three-letter ISO 4217 code/],
    ['US', /three-letter ISO 4217 code/],
    ['XAU', /XAU is a metal, unit of account or test code/],
    ['XDR', /XDR is a metal, unit of account or test code/],
    ['XTS', /XTS is a metal, unit of account or test code/],
    ['XXX', /XXX is a metal, unit of account or test code/],
    ['BOV', /BOV is not a currency in circulation/],
    ['CLF', /CLF is not a currency in circulation/],
    ['USN', /USN is not a currency in circulation/],
    ['ABC', /ABC is not a currency in circulation/],
  ])('refuses %s, saying why', (code, reason) => {
    expect(tradeCurrencyProblem(code)).toMatch(reason);
  });
});
