import { chooseTemplate, productFromSubject, readInquiryContent } from './draft-choice';

describe('readInquiryContent', () => {
  it.each([
    [
      'Inquiry: LED panels',
      'We need 2000 pcs of 600x600 panels, please quote.',
      'quote-request',
      2000,
    ],
    ['Consulta', 'Necesitamos 1.500 unidades, ¿cuál es su mejor precio?', 'quote-request', 1500],
    ['询价', '我们需要 3000个 面板，请报价', 'quote-request', 3000],
    [
      'Muestras',
      '¿Pueden enviarnos una muestra del panel antes del pedido?',
      'sample-request',
      null,
    ],
    ['Sample request', 'Could you send 2 pcs samples of the 40W panel?', 'sample-request', 2],
    ['Hello', 'Please send your catalogue.', 'general', null],
    ['Запрос', 'Пришлите, пожалуйста, цену на 500 шт.', 'quote-request', 500],
  ])('%s / %s -> %s, quantity %s', (subject, text, content, quantity) => {
    expect(readInquiryContent(subject, text)).toEqual({ content, quantity });
  });
});

describe('chooseTemplate', () => {
  it('answers a specific tier-A quote request with "quotation on its way"', () => {
    expect(chooseTemplate('A', { content: 'quote-request', quantity: 2000 })?.templateId).toBe(
      'first-reply',
    );
  });

  it('asks a general or low-tier inquiry for details', () => {
    expect(chooseTemplate('B', { content: 'quote-request', quantity: null })?.templateId).toBe(
      'request-details',
    );
    expect(chooseTemplate('C', { content: 'quote-request', quantity: 500 })?.templateId).toBe(
      'request-details',
    );
    expect(chooseTemplate(null, { content: 'general', quantity: null })?.templateId).toBe(
      'request-details',
    );
  });

  it('acknowledges a sample request and points to the sample offer', () => {
    expect(chooseTemplate('B', { content: 'sample-request', quantity: null })).toMatchObject({
      templateId: 'acknowledgement',
      next: 'sample-offer',
    });
  });

  it('proposes no sales reply for tier D', () => {
    expect(chooseTemplate('D', { content: 'quote-request', quantity: 2000 })).toBeNull();
  });
});

describe('productFromSubject', () => {
  it.each([
    ['Inquiry: 2000 pcs LED panel 600x600', 'LED panel 600x600'],
    ['RE: Fwd: Consulta: panel LED 600x600 40W', 'panel LED 600x600 40W'],
    ['Solar inverters 5kW', 'Solar inverters 5kW'],
    ['Cotización: 500 unidades de bombas de agua', 'bombas de agua'],
    ['Anfrage: Kugelhähne Edelstahl DN50 PN40, 500 Stück', 'Kugelhähne Edelstahl DN50 PN40'],
    ['Inquiry: LED panel 600x600 - 2000 pcs', 'LED panel 600x600'],
    ['Do you have LED panels?', 'Do you have LED panels'],
    ['Quote: 2000 pcs, LED panel (40W).', 'LED panel (40W)'],
    ['询价：LED面板，3000个', 'LED面板'],
  ])('%s -> %s', (subject, product) => {
    expect(productFromSubject(subject)).toBe(product);
  });
});
