import {
  isMoney,
  money,
  MoneyError,
  type TemplateDefinition,
  TemplateVariableError,
} from '@inquiry/templates';

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

/**
 * The stored (or requested) variables as the template renders them: money typed back into
 * Money. A money variable that is not `{amount, currency}` fails naming the variable.
 */
export function loadVariables(
  definition: TemplateDefinition,
  stored: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored).map(([name, value]) => {
      if (definition.variables[name] !== 'money') return [name, value];
      if (!isStoredMoney(value)) {
        throw new TemplateVariableError(
          definition.id,
          name,
          'must be {amount, currency} with the amount as decimal text, e.g. {"amount": "85.00", "currency": "USD"}',
        );
      }
      try {
        return [name, money(value.amount, value.currency)];
      } catch (error) {
        if (error instanceof MoneyError)
          throw new TemplateVariableError(definition.id, name, error.message);
        throw error;
      }
    }),
  );
}

function isStoredMoney(value: unknown): value is StoredMoney {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.amount === 'string' && typeof candidate.currency === 'string';
}
