import { COMMON_VARIABLES } from '@inquiry/templates';

const TEMPLATE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** Why `key` cannot name a template, or undefined when it can. */
export function templateKeyProblem(key: string): string | undefined {
  if (key.length > 100) return 'must be at most 100 characters';
  if (!TEMPLATE_KEY.test(key))
    return 'must be lowercase letters and digits joined by hyphens, e.g. trade-fair-invite';
  return undefined;
}

/**
 * Names every JavaScript object answers to (constructor, toString…): a text using them would
 * look declared to any lookup that is not careful, so they are refused outright.
 */
const OBJECT_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why `name` cannot name a variable of a company's template, or undefined when it can. */
export function variableNameProblem(name: string): string | undefined {
  if (Object.hasOwn(COMMON_VARIABLES, name)) return `${name} is given to every template already`;
  if (OBJECT_NAMES.has(name)) return `${name} is a reserved word; choose another name`;
  if (!VARIABLE_NAME.test(name))
    return 'must start with a letter and contain only letters and digits (at most 64)';
  return undefined;
}
