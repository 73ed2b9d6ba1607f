import { placeholderProblems } from './template-placeholders';

const variables = { product: 'text', validUntil: 'date' } as const;

describe('placeholderProblems', () => {
  it('accepts the template variables, the buyer name and every signature field', () => {
    const text =
      'Dear {{buyerName}}, {{ product }} valid until {{validUntil}}. {{rep.name}}, {{rep.website}}';
    expect(placeholderProblems(text, variables)).toEqual([]);
  });

  it('names an unknown variable and lists the declared ones', () => {
    expect(placeholderProblems('Discount {{discount}} on {{product}}', variables)).toEqual([
      {
        placeholder: '{{discount}}',
        reason: expect.stringMatching(
          /^is not a variable of this template \(declared: product, validUntil, buyerName, rep\.name/,
        ),
      },
    ]);
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'names {{%s}} an unknown variable although every object has a property of that name',
    (name) => {
      expect(placeholderProblems(`Merci {{${name}}}`, variables)).toEqual([
        {
          placeholder: `{{${name}}}`,
          reason: expect.stringMatching(/^is not a variable of this template/),
        },
      ]);
    },
  );

  it('rejects signature fields that do not exist and fields on plain variables', () => {
    const problems = placeholderProblems('{{rep.fax}} {{rep}} {{product.name}}', variables);
    expect(problems.map((p) => p.placeholder)).toEqual([
      '{{rep.fax}}',
      '{{rep}}',
      '{{product.name}}',
    ]);
    expect(problems[0]?.reason).toMatch(/no signature field/);
  });

  it('reports empty, unclosed and unopened braces and nesting', () => {
    expect(placeholderProblems('Hello {{}}', variables)).toEqual([
      { placeholder: '{{}}', reason: 'is empty' },
    ]);
    expect(placeholderProblems('Price for {{product', variables)).toEqual([
      { placeholder: '{{product', reason: 'opens a placeholder that is never closed with }}' },
    ]);
    expect(placeholderProblems('Price for product}} today', variables)[0]?.reason).toBe(
      'closes a placeholder that was never opened with {{',
    );
    expect(placeholderProblems('See $t(templates.first-reply.body)', variables)[0]?.reason).toMatch(
      /nests another text/,
    );
  });
});
