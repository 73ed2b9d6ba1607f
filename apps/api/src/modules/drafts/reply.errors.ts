import {
  IncotermError,
  QuoteValidationError,
  SamplePolicyError,
  TemplateNotFoundError,
  TemplateVariableError,
} from '@inquiry/templates';
import { DomainError, ErrorCode } from '../../common/domain-error';

/**
 * The templates package reports bad input with its own errors; to a client they are a 400
 * naming the field, like any validation failure. `prefix` places the field in the request body.
 */
export function asValidationError(error: unknown, prefix = ''): unknown {
  const field = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  const fail = (name: string, reason: string): DomainError =>
    new DomainError(ErrorCode.ValidationFailed, `${name}: ${reason}`, [{ field: name, reason }]);
  if (error instanceof QuoteValidationError) return fail(field(error.field), error.reason);
  if (error instanceof TemplateVariableError) {
    return fail(field(`variables.${error.variable}`), error.reason);
  }
  if (error instanceof TemplateNotFoundError) return fail(field('templateId'), error.message);
  if (error instanceof IncotermError) return fail(field('incoterm'), error.message);
  if (error instanceof SamplePolicyError) return fail(field('items'), error.message);
  return error;
}
