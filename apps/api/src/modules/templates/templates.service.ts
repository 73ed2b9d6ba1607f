import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type CatalogOverrides,
  COMMON_VARIABLES,
  DECLARABLE_VARIABLE_TYPES,
  ForbiddenPhraseChecker,
  isSupportedLocale,
  localeDirection,
  overridesFromRows,
  type PartialLocaleResources,
  placeholderProblems,
  SHIPPED_DEFINITIONS,
  SIGNATURE_FIELDS,
  SUPPORTED_LOCALES,
  TemplateCatalog,
  type VariableType,
} from '@inquiry/templates';
import { DomainError, ErrorCode, type FieldProblem } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { CompanyTemplateEntity, TemplateOverrideEntity } from '../../database/entities';
import { loadTemplateDirectory } from './template-files.loader';
import { templateKeyProblem, variableNameProblem } from './template-keys';
import type { PutTemplateTextDto, TemplateResponseDto, TemplateTextDto } from './templates.dto';
import { TemplatesRepository } from './templates.repository';

/** The catalog as currently in force, with the rows it was built from. */
interface CatalogState {
  version: string;
  catalog: TemplateCatalog;
  rows: TemplateOverrideEntity[];
  companyTemplates: CompanyTemplateEntity[];
}

const SHIPPED_IDS: ReadonlySet<string> = new Set(SHIPPED_DEFINITIONS.map((d) => d.id));

/**
 * The templates drafts are written with: shipped defaults, then the files in TEMPLATES_DIR,
 * then the company's texts stored in the database, which reps edit through the API. The
 * catalog is rebuilt when the stored texts change, on this instance or another.
 */
@Injectable()
export class TemplatesService implements OnModuleInit {
  private files: CatalogOverrides = {};
  private state: CatalogState | undefined;
  private readonly checker = new ForbiddenPhraseChecker();

  constructor(
    private readonly repository: TemplatesRepository,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.templatesDir)
      this.files = await loadTemplateDirectory(this.config.templatesDir);
    await this.current();
  }

  async catalog(): Promise<TemplateCatalog> {
    return (await this.current()).catalog;
  }

  async list(locale: string | undefined): Promise<TemplateResponseDto[]> {
    const state = await this.current();
    return state.catalog.templateIds().map((id) => this.describe(state, id, locale));
  }

  async get(key: string): Promise<TemplateResponseDto> {
    const state = await this.current();
    if (!state.catalog.templateIds().includes(key)) throw notFound(key);
    return this.describe(state, key, undefined);
  }

  /** Sets the company's text of `key` in `locale`, adding the template when it is new. */
  async put(
    key: string,
    locale: string,
    dto: PutTemplateTextDto,
    rep: string,
  ): Promise<TemplateResponseDto> {
    const keyProblem = templateKeyProblem(key);
    if (keyProblem) throw invalid([{ field: 'key', reason: keyProblem }]);
    if (!isSupportedLocale(locale)) {
      throw invalid([
        {
          field: 'locale',
          reason: `must be one of ${SUPPORTED_LOCALES.join(', ')}, got "${locale}"`,
        },
      ]);
    }
    const state = await this.current();
    const own = state.companyTemplates.find((template) => template.templateId === key);
    const variables = this.variablesFor(state, key, own, dto.variables);

    const problems: FieldProblem[] = [];
    for (const field of ['subject', 'body'] as const) {
      for (const problem of placeholderProblems(dto[field], variables)) {
        problems.push({ field, reason: `${problem.placeholder} ${problem.reason}` });
      }
    }
    if (own && dto.variables) {
      for (const row of state.rows.filter((r) => r.templateId === key && r.locale !== locale)) {
        for (const problem of placeholderProblems(`${row.subject}\n${row.body}`, variables)) {
          problems.push({
            field: 'variables',
            reason: `the ${row.locale} text uses ${problem.placeholder}, which ${problem.reason}`,
          });
        }
      }
    }
    if (problems.length > 0) throw invalid(problems);

    const hits = this.checker.check(`${dto.subject}\n\n${dto.body}`, locale);
    if (hits.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `the text contains ${hits.length} forbidden phrase(s); every draft written with it would be flagged`,
        hits.map((hit) => ({
          field: hit.index < dto.subject.length ? 'subject' : 'body',
          reason: `"${hit.match}" is a forbidden phrase (${hit.category}); write instead: ${hit.suggestion}`,
        })),
        hits,
      );
    }

    const now = new Date();
    const text = {
      templateId: key,
      locale,
      subject: dto.subject,
      body: dto.body,
      updatedBy: rep,
      updatedAt: now,
    };
    const companyTemplate =
      SHIPPED_IDS.has(key) || this.fileDefines(key)
        ? null
        : { templateId: key, variables, updatedAt: now };
    // Checked above field by field; building the whole catalog catches what only shows together.
    try {
      this.build(
        [
          ...state.rows.filter((r) => !(r.templateId === key && r.locale === locale)),
          { id: 0, ...text },
        ],
        [
          ...state.companyTemplates.filter((t) => t.templateId !== key),
          ...(companyTemplate
            ? [{ id: 0, createdBy: rep, createdAt: now, ...companyTemplate }]
            : []),
        ],
      );
    } catch (error) {
      throw invalid([{ field: 'body', reason: (error as Error).message }]);
    }
    await this.repository.save(text, companyTemplate, rep);
    this.state = undefined;
    return this.get(key);
  }

  /** Removes the company's text: the shipped or file text is used again. */
  async remove(key: string, locale: string): Promise<void> {
    if (!(await this.repository.remove(key, locale))) {
      throw new DomainError(
        ErrorCode.TemplateNotFound,
        `template "${key}" has no company text in ${locale}; the default is already in use`,
      );
    }
    this.state = undefined;
  }

  private async current(): Promise<CatalogState> {
    const version = await this.repository.version();
    if (this.state?.version === version) return this.state;
    const [rows, companyTemplates] = await Promise.all([
      this.repository.allOverrides(),
      this.repository.allCompanyTemplates(),
    ]);
    this.state = { version, catalog: this.build(rows, companyTemplates), rows, companyTemplates };
    return this.state;
  }

  /** Shipped, then files, then database rows; throws TemplateCatalogError when they do not fit. */
  private build(
    rows: TemplateOverrideEntity[],
    companyTemplates: CompanyTemplateEntity[],
  ): TemplateCatalog {
    const fromRows = overridesFromRows(rows).resources ?? {};
    const resources: Record<string, PartialLocaleResources> = { ...this.files.resources };
    for (const [locale, layer] of Object.entries(fromRows)) {
      const file = resources[locale];
      resources[locale] = { ...file, templates: { ...file?.templates, ...layer.templates } };
    }
    return new TemplateCatalog({
      resources,
      definitions: [
        ...(this.files.definitions ?? []),
        ...companyTemplates.map((template) => ({
          id: template.templateId,
          variables: template.variables,
        })),
      ],
    });
  }

  private variablesFor(
    state: CatalogState,
    key: string,
    own: CompanyTemplateEntity | undefined,
    given: Record<string, string> | undefined,
  ): Record<string, VariableType> {
    if (!own && state.catalog.templateIds().includes(key)) {
      if (given !== undefined) {
        const where = SHIPPED_IDS.has(key)
          ? 'a shipped template'
          : `defined in ${this.config.templatesDir}`;
        throw invalid([
          { field: 'variables', reason: `"${key}" is ${where}; its variables are fixed` },
        ]);
      }
      return { ...state.catalog.definition(key).variables };
    }
    if (given === undefined) {
      if (own) return own.variables;
      throw invalid([
        {
          field: 'variables',
          reason: `"${key}" is a new template: declare its variables ({} for none)`,
        },
      ]);
    }
    const problems: FieldProblem[] = [];
    for (const [name, type] of Object.entries(given)) {
      const problem =
        variableNameProblem(name) ??
        (DECLARABLE_VARIABLE_TYPES.includes(type as VariableType)
          ? undefined
          : `type must be one of ${DECLARABLE_VARIABLE_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
      if (problem) problems.push({ field: `variables.${name}`, reason: problem });
    }
    if (problems.length > 0) throw invalid(problems);
    return given as Record<string, VariableType>;
  }

  private fileDefines(key: string): boolean {
    return (this.files.definitions ?? []).some((definition) => definition.id === key);
  }

  private describe(
    state: CatalogState,
    key: string,
    locale: string | undefined,
  ): TemplateResponseDto {
    const definition = state.catalog.definition(key);
    const fileTexts = (l: string) => this.files.resources?.[l]?.templates?.[key];
    const texts = SUPPORTED_LOCALES.filter((l) => locale === undefined || l === locale).flatMap(
      (l) => {
        const row = state.rows.find((r) => r.templateId === key && r.locale === l);
        const origin: TemplateTextDto['origin'] | undefined = row
          ? 'company'
          : fileTexts(l)
            ? 'file'
            : SHIPPED_IDS.has(key)
              ? 'shipped'
              : undefined;
        if (!origin) return [];
        const source = state.catalog.source(key, l);
        const text: TemplateTextDto = {
          locale: l,
          dir: localeDirection(l),
          origin,
          subject: source.subject,
          body: source.body,
          updatedBy: row?.updatedBy ?? null,
          updatedAt: row?.updatedAt ?? null,
        };
        return [text];
      },
    );
    const declared = { ...definition.variables, ...COMMON_VARIABLES };
    return {
      key,
      origin: SHIPPED_IDS.has(key) ? 'shipped' : this.fileDefines(key) ? 'file' : 'company',
      variables: Object.entries(definition.variables).map(([name, type]) => ({ name, type })),
      placeholders: Object.entries(declared).flatMap(([name, type]) =>
        type === 'signature'
          ? SIGNATURE_FIELDS.map((field) => `{{${name}.${field}}}`)
          : [`{{${name}}}`],
      ),
      texts,
    };
  }
}

function invalid(fields: FieldProblem[]): DomainError {
  return new DomainError(
    ErrorCode.ValidationFailed,
    fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
    fields,
  );
}

function notFound(key: string): DomainError {
  return new DomainError(ErrorCode.TemplateNotFound, `template "${key}" does not exist`);
}
