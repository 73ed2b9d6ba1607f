/** A render call whose variables do not match the template's declared schema. */
export class TemplateVariableError extends Error {
  override readonly name = 'TemplateVariableError';

  constructor(
    readonly templateId: string,
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`template "${templateId}": variable "${variable}" ${reason}`);
  }
}

/** A template id or locale the catalog cannot serve. */
export class TemplateNotFoundError extends Error {
  override readonly name = 'TemplateNotFoundError';
}

/** Shipped or override resources that are inconsistent (unknown placeholder, missing subject…). */
export class TemplateCatalogError extends Error {
  override readonly name = 'TemplateCatalogError';
}
