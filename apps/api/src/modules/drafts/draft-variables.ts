import { isMoney, money, type TemplateDefinition } from '@inquiry/templates';

/** Money as JSON: the decimal text and the currency, so nothing passes through a float. */
interface StoredMoney {
  amount: string;
  currency: string;
}

/** Variables ready for the database: Money becomes `{amount: "85.00", currency}`. */
export function storeVariables(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      isMoney(value) ? { amount: value.amount.toFixed(), currency: value.currency } : value,
    ]),
  );
}

/** The stored variables as the template renders them: money typed back into Money. */
export function loadVariables(
  definition: TemplateDefinition,
  stored: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored).map(([name, value]) => {
      if (definition.variables[name] !== 'money') return [name, value];
      const { amount, currency } = value as StoredMoney;
      return [name, money(amount, currency)];
    }),
  );
}
