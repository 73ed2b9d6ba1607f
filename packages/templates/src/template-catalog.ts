import i18next, { type i18n } from 'i18next';
import Decimal from 'decimal.js';
import { formatMoney, isMoney } from './money';
import { DEFAULT_LOCALE, localeDirection, resolveLocale, type TextDirection } from './locales';
import {
  loadShippedResources,
  type LocaleResources,
  type PartialLocaleResources,
  type QuoteLabels,
} from './resources';
import {
  COMMON_VARIABLES,
  SHIPPED_DEFINITIONS,
  SIGNATURE_FIELDS,
  type TemplateDefinition,
  type VariableType,
} from './template-definitions';
import { placeholderProblems } from './template-placeholders';
import {
  TemplateCatalogError,
  TemplateNotFoundError,
  TemplateVariableError,
} from './template.errors';

export interface RenderedMessage {
  readonly templateId: string;
  /** The locale the text is actually in (after fallback). */
  readonly locale: string;
  readonly dir: TextDirection;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * What a company layers over the shipped templates: whole or partial locale resources (from
 * JSON files or assembled from database rows) and definitions of templates of its own.
 */
export interface CatalogOverrides {
  readonly resources?: Readonly<Record<string, PartialLocaleResources>>;
  readonly definitions?: readonly TemplateDefinition[];
}

/** One database row holding one template text in one locale. */
export interface TemplateRow {
  readonly locale: string;
  readonly templateId: string;
  readonly subject: string;
  readonly body: string;
}

export interface RenderOptions {
  /** Time zone used to print variables given as instants (Date); calendar dates are printed as is. */
  readonly timeZone?: string;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function overridesFromRows(rows: readonly TemplateRow[]): CatalogOverrides {
  const resources: Record<
    string,
    { templates: Record<string, { subject: string; body: string }> }
  > = {};
  for (const row of rows) {
    const locale = (resources[row.locale] ??= { templates: {} });
    locale.templates[row.templateId] = { subject: row.subject, body: row.body };
  }
  return { resources };
}

/**
 * The reply templates a company writes with: the shipped defaults in every supported language,
 * with the company's overrides layered on top. Every text is checked against its template's
 * declared variables when the catalog is built, and every render checks the values given.
 */
export class TemplateCatalog {
  private readonly definitions = new Map<string, TemplateDefinition>();
  private readonly resources: Record<string, LocaleResources>;
  private readonly i18n: i18n;

  constructor(overrides: CatalogOverrides = {}) {
    for (const definition of [...SHIPPED_DEFINITIONS, ...(overrides.definitions ?? [])]) {
      this.definitions.set(definition.id, definition);
    }
    this.resources = layer(loadShippedResources(), overrides.resources ?? {});
    this.validate();
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initAsync: false,
      resources: Object.fromEntries(
        Object.entries(this.resources).map(([lng, res]) => [lng, { translation: res }]),
      ),
      fallbackLng: false,
      returnNull: false,
      interpolation: { escapeValue: false },
      missingInterpolationHandler: (text: string) => {
        throw new TemplateCatalogError(`unresolved placeholder in "${text.slice(0, 60)}"`);
      },
    });
  }

  locales(): string[] {
    return Object.keys(this.resources);
  }

  templateIds(): string[] {
    return [...this.definitions.keys()];
  }

  definition(templateId: string): TemplateDefinition {
    const definition = this.definitions.get(templateId);
    if (!definition) throw new TemplateNotFoundError(`unknown template "${templateId}"`);
    return definition;
  }

  /** The locale a request would be written in: exact, same language, then English. */
  resolveLocale(requested: string | undefined): string {
    return resolveLocale(requested, this.locales(), DEFAULT_LOCALE);
  }

  /** The template's texts in a locale, with the locale that actually holds them. */
  source(
    templateId: string,
    requestedLocale: string,
  ): { locale: string; subject: string; body: string } {
    this.definition(templateId);
    const preferred = this.resolveLocale(requestedLocale);
    for (const locale of [preferred, DEFAULT_LOCALE]) {
      const texts = this.resources[locale]?.templates?.[templateId];
      if (texts?.subject && texts.body) return { locale, subject: texts.subject, body: texts.body };
    }
    throw new TemplateNotFoundError(
      `template "${templateId}" has no text in ${preferred} nor ${DEFAULT_LOCALE}`,
    );
  }

  /** A label of the quote PDF in a locale (English where the locale has none), with values filled in. */
  quoteLabel(
    requestedLocale: string,
    key: keyof QuoteLabels,
    values: Readonly<Record<string, string>> = {},
  ): string {
    const locale = this.resolveLocale(requestedLocale);
    const lng = this.resources[locale]?.quote?.[key] ? locale : DEFAULT_LOCALE;
    if (!this.resources[lng]?.quote?.[key])
      throw new TemplateNotFoundError(
        `quote label "${key}" is missing in ${locale} and ${DEFAULT_LOCALE}`,
      );
    return this.i18n.t(`quote.${key}`, {
      lng,
      replace: values,
      interpolation: { escapeValue: false },
    });
  }

  render(
    templateId: string,
    requestedLocale: string,
    vars: Readonly<Record<string, unknown>>,
    options: RenderOptions = {},
  ): RenderedMessage {
    const definition = this.definition(templateId);
    const { locale } = this.source(templateId, requestedLocale);
    const values = formatVariables(definition, locale, vars, options);
    // Values go in `replace` so that a variable named like an i18next option (count, context…) stays a value.
    const t = (key: string): string =>
      this.i18n.t(key, { lng: locale, replace: values, interpolation: { escapeValue: false } });
    const subject = t(`templates.${templateId}.subject`);
    const paragraphs = [
      t('common.greeting'),
      t(`templates.${templateId}.body`),
      `${t('common.closing')}\n${t('common.signature')}`,
    ];
    const text = paragraphs.join('\n\n');
    const dir = this.resources[locale]?.meta?.dir ?? localeDirection(locale);
    return { templateId, locale, dir, subject, text, html: toHtml(text, locale, dir) };
  }

  private validate(): void {
    for (const [locale, resource] of Object.entries(this.resources)) {
      const dir = resource.meta?.dir;
      if (dir !== undefined && dir !== 'ltr' && dir !== 'rtl') {
        throw new TemplateCatalogError(
          `locale ${locale}: meta.dir must be "ltr" or "rtl", got "${String(dir)}"`,
        );
      }
      for (const key of ['greeting', 'closing', 'signature'] as const) {
        if (!resource.common?.[key]) {
          throw new TemplateCatalogError(`locale ${locale}: common.${key} is missing`);
        }
        checkPlaceholders(resource.common[key], {}, `locale ${locale}: common.${key}`);
      }
      for (const [templateId, texts] of Object.entries(resource.templates ?? {})) {
        const definition = this.definitions.get(templateId);
        if (!definition) {
          throw new TemplateCatalogError(
            `locale ${locale}: template "${templateId}" has no definition (declare its variables)`,
          );
        }
        for (const part of ['subject', 'body'] as const) {
          const where = `locale ${locale}: templates.${templateId}.${part}`;
          if (typeof texts[part] !== 'string' || texts[part].trim() === '') {
            throw new TemplateCatalogError(`${where} is missing or empty`);
          }
          checkPlaceholders(texts[part], definition.variables, where);
        }
      }
    }
  }
}

function checkPlaceholders(
  text: string,
  variables: Readonly<Record<string, VariableType>>,
  where: string,
): void {
  const [problem] = placeholderProblems(text, variables);
  if (problem) throw new TemplateCatalogError(`${where}: ${problem.placeholder} ${problem.reason}`);
}

function layer(
  base: Record<string, LocaleResources>,
  overrides: Readonly<Record<string, PartialLocaleResources>>,
): Record<string, LocaleResources> {
  const result = structuredClone(base);
  for (const [locale, override] of Object.entries(overrides)) {
    const target = (result[locale] ??= { common: {}, templates: {} } as LocaleResources);
    if (override.meta) target.meta = { ...target.meta, ...override.meta };
    target.common = { ...target.common, ...override.common };
    target.templates = { ...target.templates };
    for (const [templateId, texts] of Object.entries(override.templates ?? {})) {
      target.templates[templateId] = { ...target.templates[templateId], ...texts } as {
        subject: string;
        body: string;
      };
    }
    if (override.quote)
      target.quote = { ...target.quote, ...override.quote } as LocaleResources['quote'];
  }
  return result;
}

function formatVariables(
  definition: TemplateDefinition,
  locale: string,
  vars: Readonly<Record<string, unknown>>,
  options: RenderOptions,
): Record<string, unknown> {
  // Maps and own properties only: a name such as "constructor" is not declared by every template.
  const declared = new Map<string, VariableType>([
    ...Object.entries(COMMON_VARIABLES),
    ...Object.entries(definition.variables),
  ]);
  for (const name of Object.keys(vars)) {
    if (!declared.has(name)) {
      throw new TemplateVariableError(definition.id, name, 'is not declared by the template');
    }
  }
  const formatted: Record<string, unknown> = {};
  for (const [name, type] of declared) {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    formatted[name] = formatValue(definition.id, name, type, value, locale, options);
  }
  return formatted;
}

function formatValue(
  templateId: string,
  name: string,
  type: VariableType,
  value: unknown,
  locale: string,
  options: RenderOptions,
): unknown {
  const fail = (reason: string): never => {
    throw new TemplateVariableError(templateId, name, reason);
  };
  if (value === undefined || value === null) fail(`is missing (expected ${type})`);
  switch (type) {
    case 'text':
      if (typeof value !== 'string') return fail(`must be text, got ${describe(value)}`);
      if (value.trim() === '') return fail('is empty');
      return value;
    case 'integer':
      if (typeof value !== 'bigint' && (typeof value !== 'number' || !Number.isSafeInteger(value)))
        return fail(`must be an integer, got ${describe(value)}`);
      // Quantities, days and percentages in a buyer's mail are never below zero.
      if (value < 0) return fail(`must be a whole number of zero or more, got ${describe(value)}`);
      return new Intl.NumberFormat(locale).format(value);
    case 'money':
      if (!isMoney(value))
        return fail(`must be Money {amount: Decimal, currency}, got ${describe(value)}`);
      if (value.amount.isNegative())
        return fail(`must not be negative, got ${value.amount.toFixed()} ${value.currency}`);
      return formatMoney(value, locale);
    case 'date':
      return formatDate(value, locale, options.timeZone, fail);
    case 'signature': {
      if (typeof value !== 'object')
        return fail(`must be the rep's signature, got ${describe(value)}`);
      const signature = value as Record<string, unknown>;
      for (const field of SIGNATURE_FIELDS) {
        const part = signature[field];
        if (typeof part !== 'string' || part.trim() === '') fail(`.${field} is missing or empty`);
      }
      return signature;
    }
  }
}

function formatDate(
  value: unknown,
  locale: string,
  timeZone: string | undefined,
  fail: (reason: string) => never,
): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
      fail(`"${value}" is not a real date`);
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeZone: timeZone ?? 'UTC',
    }).format(value);
  }
  return fail(`must be a Date or a YYYY-MM-DD date, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (Decimal.isDecimal(value)) return 'a bare Decimal';
  if (typeof value === 'string') return `text "${value.slice(0, 40)}"`;
  if (typeof value === 'number' || typeof value === 'bigint') return `number ${value}`;
  return typeof value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function toHtml(text: string, locale: string, dir: TextDirection): string {
  const paragraphs = text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<div lang="${escapeHtml(locale)}" dir="${dir}">\n${paragraphs}\n</div>`;
}
