import en from './resources/en.json';
import zhCN from './resources/zh-CN.json';
import es from './resources/es.json';
import ptBR from './resources/pt-BR.json';
import fr from './resources/fr.json';
import de from './resources/de.json';
import ru from './resources/ru.json';
import ar from './resources/ar.json';
import tr from './resources/tr.json';
import it from './resources/it.json';
import ja from './resources/ja.json';
import ko from './resources/ko.json';
import vi from './resources/vi.json';
import id from './resources/id.json';
import pl from './resources/pl.json';
import nl from './resources/nl.json';
import { keyedByLocale, type PerLocaleFiles } from './locales';

export interface QuoteLabels {
  readonly title: string;
  readonly number: string;
  readonly revision: string;
  readonly issued: string;
  readonly validUntil: string;
  readonly buyer: string;
  readonly product: string;
  readonly model: string;
  readonly specs: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly priceBreaks: string;
  readonly priceBreak: string;
  readonly moq: string;
  readonly hsCode: string;
  readonly leadTime: string;
  readonly leadTimeDays: string;
  readonly incoterm: string;
  readonly portOfLoading: string;
  readonly paymentTerms: string;
  readonly packing: string;
  readonly total: string;
  readonly notes: string;
  /** Between a label and its value: ": ", full-width "：" in Chinese and Japanese. */
  readonly separator: string;
}

export interface LocaleResources {
  meta?: { dir?: 'ltr' | 'rtl' };
  common: { greeting: string; closing: string; signature: string };
  templates: Record<string, { subject: string; body: string }>;
  quote?: QuoteLabels;
}

export interface PartialLocaleResources {
  readonly meta?: { dir?: 'ltr' | 'rtl' };
  readonly common?: Partial<LocaleResources['common']>;
  readonly templates?: Readonly<Record<string, Partial<{ subject: string; body: string }>>>;
  readonly quote?: Partial<QuoteLabels>;
}

// JSON imports type `dir` as string; the catalog validates it when layering.
const SHIPPED: Record<string, LocaleResources> = keyedByLocale({
  en,
  zhCN,
  es,
  ptBR,
  fr,
  de,
  ru,
  ar,
  tr,
  it,
  ja,
  ko,
  vi,
  id,
  pl,
  nl,
} as PerLocaleFiles<LocaleResources>);

/** A fresh copy of the shipped texts, so that layering overrides never mutates the defaults. */
export function loadShippedResources(): Record<string, LocaleResources> {
  return structuredClone(SHIPPED);
}
