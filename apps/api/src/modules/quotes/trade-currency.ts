import { tradeCurrencyProblem } from '@inquiry/templates';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * The currency a company quotes or charges in: an ISO 4217 code of money in circulation, taken
 * in any case and kept in capitals. Refused here, a code such as XAU never reaches the money
 * arithmetic, where it could only fail later, on every quote or sample offer made with it.
 */
export function IsTradeCurrency(): PropertyDecorator {
  const transform = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );
  const validate = ValidateBy({
    name: 'isTradeCurrency',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && tradeCurrencyProblem(value) === undefined,
      defaultMessage: ({ property, value }: ValidationArguments) =>
        `${property} ${typeof value === 'string' ? tradeCurrencyProblem(value) : 'must be a three-letter ISO 4217 code such as USD'}`,
    },
  });
  return (target, key) => {
    transform(target, key);
    validate(target, key);
  };
}
