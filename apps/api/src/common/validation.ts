import { ParseIntPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldProblem } from './domain-error';

/** Flattens class-validator's tree into `{field: 'a.b', reason}` pairs a client can show. */
function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new DomainError(
        ErrorCode.ValidationFailed,
        fields.map((problem) => problem.reason).join('; '),
        fields,
      );
    },
  });
}

/** `@Param('id', idPipe())`: a non-numeric id is a 400 naming the parameter, like any field. */
export function idPipe(field = 'id'): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () =>
      new DomainError(ErrorCode.ValidationFailed, `${field} must be an integer`, [
        { field, reason: `${field} must be an integer` },
      ]),
  });
}
