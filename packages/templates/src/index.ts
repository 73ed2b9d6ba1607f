export * from './locales';
export * from './money';
export * from './template.errors';
export * from './template-definitions';
export { TemplateCatalog, overridesFromRows } from './template-catalog';
export * from './template-placeholders';
export type {
  CatalogOverrides,
  RenderedMessage,
  RenderOptions,
  TemplateRow,
} from './template-catalog';
export type { LocaleResources, PartialLocaleResources, QuoteLabels } from './resources';
export * from './forbidden-phrases';
export * from './sample-policy';
export * from './incoterms';
export * from './quote.model';
export * from './follow-up-schedule';
export { renderQuotePdf } from './quote-pdf.renderer';
export type { Letterhead, QuotePdfOptions } from './quote-pdf.renderer';
export { fontSetFor, PdfFontError } from './pdf-fonts';
export type { FontFaceFiles, PdfFontSet } from './pdf-fonts';
