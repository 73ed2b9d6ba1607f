import { normaliseSubject } from './subject-threading';

describe('normaliseSubject', () => {
  it.each([
    ['Inquiry: LED panels 600x600', 'inquiry: led panels 600x600'],
    ['Re: Inquiry: LED panels 600x600', 'inquiry: led panels 600x600'],
    ['RE: Fwd: re: Inquiry: LED panels 600x600', 'inquiry: led panels 600x600'],
    ['AW: WG: Anfrage Ventile', 'anfrage ventile'],
    ['Re[2]: Quotation request', 'quotation request'],
    ['回复：询价 不锈钢管', '询价 不锈钢管'],
    ['回复: 转发: 询价', '询价'],
    ['RES: ENC: Cotação de válvulas', 'cotação de válvulas'],
    ['Ответ: Запрос цены', 'запрос цены'],
    ['[sales] Re:   Price   list ', 'price list'],
  ])('%p threads as %p', (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });

  it('keeps words that merely start like a prefix', () => {
    expect(normaliseSubject('Request for quotation')).toBe('request for quotation');
    expect(normaliseSubject('Trade fair meeting')).toBe('trade fair meeting');
    expect(normaliseSubject('Ivory tiles')).toBe('ivory tiles');
  });

  it('gives an empty key for an empty or prefix-only subject', () => {
    expect(normaliseSubject('')).toBe('');
    expect(normaliseSubject('Re: ')).toBe('');
  });

  it('fits the indexed column', () => {
    expect(normaliseSubject('x'.repeat(2000))).toHaveLength(255);
  });
});
