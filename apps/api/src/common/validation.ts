import {
  type ArgumentMetadata,
  type PipeTransform,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainError, ErrorCode, type FieldProblem } from './domain-error';

/**
 * Deeper than any request of this API; class-transformer copies a body recursively and
 * overflows the stack a few thousand levels down, which would be a 500.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Flattens class-validator's tree into `{field: 'a.b', reason}` pairs a client can show. A
 * field that fails on null gets that one reason instead of every constraint null breaks
 * (fields that take null say so with their own `ValidateIf`).
 */
function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const reasons = Object.values(error.constraints ?? {});
    const own =
      error.value === null && reasons.length > 0
        ? [{ field, reason: `${field} must not be null` }]
        : reasons.map((reason) => ({ field, reason }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function validationError(fields: FieldProblem[]): DomainError {
  return new DomainError(
    ErrorCode.ValidationFailed,
    fields.map((problem) => problem.reason).join('; '),
    fields,
  );
}

/** Whether a parsed JSON value nests more than `limit` objects or arrays, without recursing. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const isContainer = (item: unknown): item is object => typeof item === 'object' && item !== null;
  let level = isContainer(value) ? [value] : [];
  for (let depth = 1; level.length > 0; depth += 1) {
    if (depth > limit) return true;
    const next: object[] = [];
    for (const container of level) {
      for (const item of Object.values(container)) if (isContainer(item)) next.push(item);
    }
    level = next;
  }
  return false;
}

/** Keys that name an object's prototype or constructor; the built-in pipe deletes them unsaid. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Where a request value names an object's prototype or constructor as a key, without recursing. */
export function prototypeKeyProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ item: unknown; path: string }> = [{ item: value, path: '' }];
  while (stack.length > 0) {
    const { item, path } = stack.pop()!;
    if (typeof item !== 'object' || item === null || Buffer.isBuffer(item)) continue;
    for (const key of Object.keys(item)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(item) && PROTOTYPE_KEYS.has(key))
        problems.push({ field, reason: `${field}: "${key}" is a reserved name` });
      else stack.push({ item: (item as Record<string, unknown>)[key], path: field });
    }
  }
  return problems;
}

class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestsDeeperThan(value, MAX_BODY_DEPTH)) {
      const reason = `body nests deeper than ${MAX_BODY_DEPTH} levels`;
      throw validationError([{ field: 'body', reason }]);
    }
    return super.transform(value, metadata);
  }

  /**
   * Path parameters reach their own pipe (`idPipe`) as sent: the built-in `+value` would read
   * `0x1` as 1, ` ` as 0 and `1e3` as 1000 before the id check could see them.
   */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }

  /**
   * A key such as `__proto__` is refused by name where the built-in pipe deletes it unsaid;
   * once refused, there is nothing left for it to strip.
   */
  protected override stripProtoKeys(value: unknown): void {
    const problems = prototypeKeyProblems(value);
    if (problems.length > 0) throw validationError(problems);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationError(fieldProblems(errors)),
  });
}

/** `@Param('id', idPipe())`: anything but a positive whole number is a 400 naming the parameter. */
export function idPipe(field = 'id'): PipeTransform<unknown, number> {
  return {
    transform(value: unknown): number {
      const id = typeof value === 'string' && /^[1-9][0-9]*$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(id)) {
        throw validationError([{ field, reason: `${field} must be a positive whole number` }]);
      }
      return id;
    },
  };
}

/**
 * May be left out, but not sent as null: unlike `@IsOptional()`, which passes null by as if
 * the field were missing and lets it reach a NOT NULL column or a string method.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
