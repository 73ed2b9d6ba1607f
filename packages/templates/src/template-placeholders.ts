import { COMMON_VARIABLES, SIGNATURE_FIELDS, type VariableType } from './template-definitions';

/** A placeholder a template text cannot render, and why. */
export interface PlaceholderProblem {
  /** The placeholder as written, e.g. `{{prodcut}}`, or the stray braces. */
  readonly placeholder: string;
  readonly reason: string;
}

/** The types a company may declare for its own templates (the signature is common to all). */
export const DECLARABLE_VARIABLE_TYPES: readonly VariableType[] = [
  'text',
  'integer',
  'money',
  'date',
];

const PLACEHOLDER = /\{\{\s*([^},\s]*)\s*(?:,[^}]*)?\}\}/g;

/**
 * Every placeholder in `text` that would not render with the given template variables (the
 * common `buyerName` and `rep.*` included): unknown names, unknown signature fields, empty or
 * unclosed braces, and i18next nesting, which would let a text pull in other texts.
 */
export function placeholderProblems(
  text: string,
  variables: Readonly<Record<string, VariableType>>,
): PlaceholderProblem[] {
  // A Map, so that {{constructor}} or {{toString}} are not found on every object's prototype.
  const declared = new Map<string, VariableType>([
    ...Object.entries(variables),
    ...Object.entries(COMMON_VARIABLES),
  ]);
  const problems: PlaceholderProblem[] = [];
  const names = [...declared]
    .map(([name, type]) =>
      type === 'signature' ? SIGNATURE_FIELDS.map((field) => `${name}.${field}`).join(', ') : name,
    )
    .join(', ');
  for (const match of text.matchAll(PLACEHOLDER)) {
    const path = match[1] ?? '';
    const [root, field, ...rest] = path.split('.');
    const type = root === undefined ? undefined : declared.get(root);
    if (path === '') {
      problems.push({ placeholder: match[0], reason: 'is empty' });
    } else if (type === 'signature') {
      if (
        field === undefined ||
        rest.length > 0 ||
        !(SIGNATURE_FIELDS as readonly string[]).includes(field)
      ) {
        problems.push({
          placeholder: match[0],
          reason: `names no signature field (use one of ${SIGNATURE_FIELDS.map((f) => `${root}.${f}`).join(', ')})`,
        });
      }
    } else if (type === undefined || field !== undefined) {
      problems.push({
        placeholder: match[0],
        reason: `is not a variable of this template (declared: ${names})`,
      });
    }
  }
  const outside = text.replace(PLACEHOLDER, '');
  const open = outside.indexOf('{{');
  if (open >= 0)
    problems.push({
      placeholder: outside.slice(open, open + 30),
      reason: 'opens a placeholder that is never closed with }}',
    });
  const close = outside.indexOf('}}');
  if (close >= 0)
    problems.push({
      placeholder: outside.slice(Math.max(0, close - 28), close + 2),
      reason: 'closes a placeholder that was never opened with {{',
    });
  if (/\$t\(/.test(text))
    problems.push({ placeholder: '$t(', reason: 'nests another text, which templates may not do' });
  return problems;
}
