import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CatalogOverrides,
  DECLARABLE_VARIABLE_TYPES,
  isSupportedLocale,
  type PartialLocaleResources,
  TemplateCatalog,
  type TemplateDefinition,
  type VariableType,
} from '@inquiry/templates';
import { variableNameProblem } from './template-keys';

/** A template directory that cannot be used; the message names the file and the problem. */
export class TemplateFilesError extends Error {
  override readonly name = 'TemplateFilesError';
}

const DEFINITIONS_FILE = 'definitions.json';

/**
 * Reads a company's template directory: `<locale>.json` files shaped like the shipped
 * resources (`{"templates": {"first-reply": {"subject": "…", "body": "…"}}}`, optionally
 * `common` and `quote`), and `definitions.json` declaring templates of its own
 * (`{"trade-fair-invite": {"booth": "text", "fairDate": "date"}}`). Every text is checked
 * against the variables of its template before the service starts.
 */
export async function loadTemplateDirectory(dir: string): Promise<CatalogOverrides> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new TemplateFilesError(`TEMPLATES_DIR ${dir}: ${(error as Error).message}`);
  }
  const definitions: TemplateDefinition[] = [];
  const resources: Record<string, PartialLocaleResources> = {};
  for (const name of names) {
    const path = join(dir, name);
    const content = await readJson(path);
    if (name === DEFINITIONS_FILE) {
      definitions.push(...parseDefinitions(content, path));
      continue;
    }
    const locale = name.slice(0, -'.json'.length);
    if (!isSupportedLocale(locale)) {
      throw new TemplateFilesError(
        `${path}: "${locale}" is not a supported locale; name files after one (en.json, zh-CN.json…) or ${DEFINITIONS_FILE}`,
      );
    }
    if (!isObject(content)) throw new TemplateFilesError(`${path}: expected a JSON object`);
    resources[locale] = content;
  }
  const overrides: CatalogOverrides = { definitions, resources };
  try {
    new TemplateCatalog(overrides);
  } catch (error) {
    const message = (error as Error).message;
    const locale = /^locale ([\w-]+):/.exec(message)?.[1];
    throw new TemplateFilesError(`${locale ? join(dir, `${locale}.json`) : dir}: ${message}`);
  }
  return overrides;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TemplateFilesError(`${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TemplateFilesError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function parseDefinitions(content: unknown, path: string): TemplateDefinition[] {
  if (!isObject(content)) {
    throw new TemplateFilesError(`${path}: expected {"template-id": {"variable": "type"}}`);
  }
  return Object.entries(content).map(([id, variables]) => {
    if (!isObject(variables)) {
      throw new TemplateFilesError(`${path}: ${id}: expected an object of variable types`);
    }
    for (const [variable, type] of Object.entries(variables)) {
      const problem =
        variableNameProblem(variable) ??
        (DECLARABLE_VARIABLE_TYPES.includes(type as VariableType)
          ? undefined
          : `type must be one of ${DECLARABLE_VARIABLE_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
      if (problem) throw new TemplateFilesError(`${path}: ${id}.${variable}: ${problem}`);
    }
    return { id, variables: variables as Record<string, VariableType> };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
