import { checkForbiddenPhrases } from './forbidden-phrases';
import { SUPPORTED_LOCALES, resolveLocale } from './locales';
import { money, moneyFromMinor } from './money';
import { loadShippedResources } from './resources';
import { TemplateCatalog, overridesFromRows } from './template-catalog';
import { SHIPPED_DEFINITIONS, SIGNATURE_FIELDS, type Signature } from './template-definitions';
import {
  TemplateCatalogError,
  TemplateNotFoundError,
  TemplateVariableError,
} from './template.errors';

const catalog = new TemplateCatalog();
const cases = SUPPORTED_LOCALES.flatMap((locale) =>
  SHIPPED_DEFINITIONS.map((definition) => [locale, definition] as const),
);
const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('shipped templates', () => {
  it('ships every template in every supported language', () => {
    expect(catalog.locales().sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const locale of SUPPORTED_LOCALES) {
      for (const definition of SHIPPED_DEFINITIONS) {
        expect(catalog.source(definition.id, locale).locale).toBe(locale);
      }
    }
  });

  it.each(cases)('%s %s renders completely with its sample variables', (locale, definition) => {
    const sample = definition.sample ?? {};
    const message = catalog.render(definition.id, locale, sample);
    const rep = sample.rep as Signature;

    expect(message.locale).toBe(locale);
    expect(message.dir).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect(message.html).toContain(`dir="${message.dir}"`);
    for (const text of [message.subject, message.text]) {
      expect(text).not.toMatch(/\{\{|\}\}|\$t\(|templates\.|common\./);
      expect(text).not.toContain(definition.id);
    }
    expect(message.subject.trim().length).toBeGreaterThan(5);
    // Greets the buyer by name and closes with the rep's full signature.
    expect(message.text.split('\n\n')[0]).toContain(sample.buyerName as string);
    for (const field of SIGNATURE_FIELDS) expect(message.text).toContain(rep[field]);
    // The body ends with a question that moves the deal on.
    const body = catalog.source(definition.id, locale).body;
    // Japanese business mail asks with 〜でしょうか。 rather than a question mark.
    expect(body.split('\n\n').pop()).toMatch(locale === 'ja' ? /か。/ : /[?？؟]/);
    expect(checkForbiddenPhrases(message.text, locale)).toEqual([]);
    expect(checkForbiddenPhrases(message.subject, locale)).toEqual([]);
  });

  it('leaks no English into the other languages', () => {
    const resources = loadShippedResources();
    const english = textsOf(resources, 'en');
    const leaks = SUPPORTED_LOCALES.filter((code) => code !== 'en').flatMap((locale) =>
      englishLeaks(textsOf(resources, locale), english).map((leak) => `${locale}: ${leak}`),
    );
    expect(leaks).toEqual([]);
  });

  it('would notice English left in a translation', () => {
    const resources = loadShippedResources();
    const planted = [
      'Bonjour, please find attached our quotation {{quoteNumber}}. Des questions ?',
    ];
    expect(englishLeaks(planted, textsOf(resources, 'en'))).toEqual(
      expect.arrayContaining(['find attached', 'please', 'our']),
    );
  });
});

function textsOf(resources: ReturnType<typeof loadShippedResources>, locale: string): string[] {
  const resource = resources[locale]!;
  return [
    ...Object.values(resource.common),
    ...Object.values(resource.templates).flatMap((texts) => [texts.subject, texts.body]),
  ];
}

/**
 * Untranslated English shows as English word pairs ("lead time", "find attached") or English
 * function words. Single shared words are not leaks: "total", "material" and "destination" are
 * Spanish, French or Portuguese too; variables and carrier names stay as they are.
 */
function englishLeaks(texts: readonly string[], englishTexts: readonly string[]): string[] {
  const englishOnly = [
    'the',
    'and',
    'your',
    'with',
    'please',
    'thank',
    'you',
    'our',
    'dear',
    'regards',
    'which',
    'would',
    'could',
    'should',
    'quotation',
    'sample',
  ];
  const names = /\{\{[^}]*\}\}|\b(?:DHL|FedEx|UPS)\b/g;
  const words = (text: string): string[] =>
    text
      .replace(names, ' | ')
      .toLowerCase()
      .split(/[^\p{L}|]+/u)
      .filter((word) => word !== '');
  const pairs = (text: string): string[] => {
    const list = words(text);
    return list
      .slice(1)
      .map((word, i) => `${list[i]} ${word}`)
      .filter((pair) => !pair.includes('|'));
  };
  const englishPairs = new Set(englishTexts.flatMap(pairs));
  return [
    ...new Set(texts.flatMap(pairs).filter((pair) => englishPairs.has(pair))),
    ...new Set(texts.flatMap(words).filter((word) => englishOnly.includes(word))),
  ];
}

describe('variable checking', () => {
  const quoteCover = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'quote-cover')!;
  const sample = quoteCover.sample!;

  it.each([
    ['buyerName', { ...sample, buyerName: undefined }, /variable "buyerName" is missing/],
    ['totalAmount', { ...sample, totalAmount: undefined }, /variable "totalAmount" is missing/],
    ['totalAmount', { ...sample, totalAmount: 23960.5 }, /variable "totalAmount" must be Money/],
    [
      'validUntil',
      { ...sample, validUntil: '31/12/2026' },
      /variable "validUntil" must be a Date or a YYYY-MM-DD date/,
    ],
    ['validUntil', { ...sample, validUntil: '2026-02-30' }, /"2026-02-30" is not a real date/],
    ['product', { ...sample, product: '  ' }, /variable "product" is empty/],
    [
      'rep',
      { ...sample, rep: { ...(sample.rep as Signature), phone: '' } },
      /variable "rep" .phone is missing/,
    ],
    ['discount', { ...sample, discount: '5%' }, /variable "discount" is not declared/],
  ])('rejects a bad %s naming the variable', (variable, vars, message) => {
    const attempt = (): unknown => catalog.render('quote-cover', 'de', vars);
    expect(attempt).toThrow(TemplateVariableError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as TemplateVariableError).variable).toBe(variable);
    }
  });

  it.each([
    [
      'sampleFee',
      { sampleFee: money('-25.00', 'USD') },
      /variable "sampleFee" must not be negative/,
    ],
    [
      'creditQuantity',
      { creditQuantity: -1 },
      /variable "creditQuantity" must be a whole number of zero or more, got number -1/,
    ],
    [
      'dispatchDays',
      { dispatchDays: -2 },
      /variable "dispatchDays" must be a whole number of zero or more, got number -2/,
    ],
  ])('refuses a negative %s, which no buyer text can state', (variable, change, message) => {
    const sampleOffer = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'sample-offer')!;
    expect(() =>
      catalog.render('sample-offer', 'de', { ...sampleOffer.sample, ...change }),
    ).toThrow(message);
  });

  it('renders nothing owed and no days to wait as zero', () => {
    const sampleOffer = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'sample-offer')!;
    const message = catalog.render('sample-offer', 'en', {
      ...sampleOffer.sample,
      sampleFee: money('0', 'USD'),
      dispatchDays: 0,
    });
    expect(message.text).toContain('The sample costs $0.00');
    expect(message.text).toContain('within 0 working days');
  });

  it('does not take a property every object has for a template variable', () => {
    const firstReply = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'first-reply')!;
    expect(() =>
      catalog.render('first-reply', 'en', { ...firstReply.sample, constructor: 'x' }),
    ).toThrow(/variable "constructor" is not declared/);
  });

  it('rejects a fractional quantity', () => {
    const firstReply = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'first-reply')!;
    expect(() =>
      catalog.render('first-reply', 'en', { ...firstReply.sample, quantity: 2.5 }),
    ).toThrow(/variable "quantity" must be an integer/);
  });

  it('refuses an unknown template', () => {
    expect(() => catalog.render('welcome-back', 'en', {})).toThrow(TemplateNotFoundError);
  });
});

describe('money and dates per locale', () => {
  const sample = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'quote-cover')!.sample!;
  const render = (locale: string, vars: Record<string, unknown> = {}): string =>
    spaces(catalog.render('quote-cover', locale, { ...sample, ...vars }).text);

  it.each([
    ['en', '$23,960.00', 'December 31, 2026'],
    ['de', '23.960,00 $', '31. Dezember 2026'],
    ['fr', '23 960,00 $US', '31 décembre 2026'],
    ['es', '23.960,00 US$', '31 de diciembre de 2026'],
    ['pt-BR', 'US$ 23.960,00', '31 de dezembro de 2026'],
    ['ru', '23 960,00 $', '31 декабря 2026'],
    ['ja', '$23,960.00', '2026年12月31日'],
    ['zh-CN', 'US$23,960.00', '2026年12月31日'],
  ])('%s writes the total as %s and the validity as %s', (locale, amount, date) => {
    const text = render(locale);
    expect(text).toContain(amount);
    expect(text).toContain(date);
  });

  it('formats amounts exactly, beyond what a float can hold', () => {
    expect(render('en', { totalAmount: money('90071992547409.93', 'USD') })).toContain(
      '$90,071,992,547,409.93',
    );
    expect(render('en', { totalAmount: moneyFromMinor(12345n, 'JPY') })).toContain('¥12,345');
    expect(render('de', { totalAmount: money('1234.5', 'EUR') })).toContain('1.234,50 €');
  });

  it('prints instants in the time zone asked for', () => {
    const instant = new Date('2026-12-31T20:00:00Z');
    const vars = { ...sample, validUntil: instant };
    expect(catalog.render('quote-cover', 'en', vars, { timeZone: 'Asia/Shanghai' }).text).toContain(
      'January 1, 2027',
    );
    expect(
      catalog.render('quote-cover', 'en', vars, { timeZone: 'America/Sao_Paulo' }).text,
    ).toContain('December 31, 2026');
  });
});

describe('html body', () => {
  it('escapes variable values and keeps paragraphs', () => {
    const definition = SHIPPED_DEFINITIONS.find((d) => d.id === 'polite-decline')!;
    const message = catalog.render('polite-decline', 'ar', {
      ...definition.sample,
      buyerName: 'Omar <b>& Sons</b>',
    });
    expect(message.html).toContain('Omar &#60;b&#62;&#38; Sons&#60;/b&#62;');
    expect(message.html).not.toContain('<b>');
    expect(message.html.match(/<p>/g)).toHaveLength(message.text.split('\n\n').length);
    expect(message.html).toMatch(/^<div lang="ar" dir="rtl">/);
  });
});

describe('locale fallback', () => {
  it.each([
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en_US', 'en'],
    ['de-AT', 'de'],
    ['AR', 'ar'],
    ['sw', 'en'],
    ['not a tag', 'en'],
    [undefined, 'en'],
  ])('%s is written in %s', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
    expect(catalog.resolveLocale(requested)).toBe(expected);
  });

  it('renders a Portuguese request in Brazilian Portuguese', () => {
    const definition = SHIPPED_DEFINITIONS[0]!;
    const message = catalog.render(definition.id, 'pt', definition.sample!);
    expect(message.locale).toBe('pt-BR');
    expect(message.subject).toContain('cotação');
  });
});

describe('company overrides', () => {
  const firstReply = SHIPPED_DEFINITIONS.find((definition) => definition.id === 'first-reply')!;

  it('layers a company text over the shipped default without changing other catalogs', () => {
    const company = new TemplateCatalog({
      resources: {
        de: { templates: { 'first-reply': { subject: 'Angebot für {{product}} folgt' } } },
      },
    });
    const sample = firstReply.sample!;
    expect(company.render('first-reply', 'de', sample).subject).toBe(
      'Angebot für LED Panel 600x600 40W folgt',
    );
    expect(company.render('first-reply', 'de', sample).text).toContain(
      'vielen Dank für Ihre Anfrage',
    );
    expect(catalog.render('first-reply', 'de', sample).subject).toContain('Ihre Anfrage zu');
  });

  it('adds a template of its own from database rows, falling back to English where untranslated', () => {
    const company = new TemplateCatalog({
      definitions: [{ id: 'trade-fair-invite', variables: { booth: 'text', fairDate: 'date' } }],
      ...overridesFromRows([
        {
          locale: 'en',
          templateId: 'trade-fair-invite',
          subject: 'Meet us at booth {{booth}}',
          body: 'We exhibit on {{fairDate}}. Can we book a time?',
        },
        {
          locale: 'es',
          templateId: 'trade-fair-invite',
          subject: 'Visítenos en el stand {{booth}}',
          body: 'Exponemos el {{fairDate}}. ¿Reservamos una hora?',
        },
      ]),
    });
    const vars = {
      ...firstReply.sample,
      product: undefined,
      quantity: undefined,
      quoteDate: undefined,
      booth: '11.2 C05',
      fairDate: '2027-04-15',
    };
    delete vars.product;
    delete vars.quantity;
    delete vars.quoteDate;
    expect(company.render('trade-fair-invite', 'es', vars).text).toContain('15 de abril de 2027');
    const french = company.render('trade-fair-invite', 'fr', vars);
    expect(french.locale).toBe('en');
    expect(french.subject).toBe('Meet us at booth 11.2 C05');
  });

  it('rejects an override that uses a variable the template does not declare', () => {
    expect(
      () =>
        new TemplateCatalog({
          resources: { fr: { templates: { 'first-reply': { body: 'Remise de {{discount}}' } } } },
        }),
    ).toThrow(
      new TemplateCatalogError(
        'locale fr: templates.first-reply.body: {{discount}} is not a variable of this template (declared: product, quantity, quoteDate, buyerName, rep.name, rep.title, rep.company, rep.phone, rep.email, rep.website)',
      ),
    );
  });

  it('treats a variable named like an i18next option as a plain value', () => {
    const company = new TemplateCatalog({
      definitions: [{ id: 'carton-count', variables: { count: 'integer', context: 'text' } }],
      resources: {
        en: {
          templates: {
            'carton-count': {
              subject: '{{count}} cartons ({{context}})',
              body: 'Packed. Shall we ship?',
            },
          },
        },
      },
    });
    const sample = SHIPPED_DEFINITIONS[0]!.sample!;
    const message = company.render('carton-count', 'en', {
      buyerName: sample.buyerName,
      rep: sample.rep,
      count: 1,
      context: 'sea freight',
    });
    expect(message.subject).toBe('1 cartons (sea freight)');
  });

  it('rejects an override using a placeholder named like a property every object has', () => {
    expect(
      () =>
        new TemplateCatalog({
          resources: {
            fr: { templates: { 'request-details': { body: 'Merci {{constructor}}' } } },
          },
        }),
    ).toThrow(/templates\.request-details\.body: \{\{constructor\}\} is not a variable/);
  });

  it('rejects a text for a template nobody defined', () => {
    expect(
      () =>
        new TemplateCatalog(
          overridesFromRows([{ locale: 'en', templateId: 'mystery', subject: 'x', body: 'y' }]),
        ),
    ).toThrow(/template "mystery" has no definition/);
  });
});
