import ar from './forbidden/ar.json';
import de from './forbidden/de.json';
import en from './forbidden/en.json';
import es from './forbidden/es.json';
import fr from './forbidden/fr.json';
import id from './forbidden/id.json';
import it from './forbidden/it.json';
import ja from './forbidden/ja.json';
import ko from './forbidden/ko.json';
import nl from './forbidden/nl.json';
import pl from './forbidden/pl.json';
import ptBR from './forbidden/pt-BR.json';
import ru from './forbidden/ru.json';
import tr from './forbidden/tr.json';
import vi from './forbidden/vi.json';
import zhCN from './forbidden/zh-CN.json';
import { DEFAULT_LOCALE, keyedByLocale, type PerLocaleFiles, resolveLocale } from './locales';

export const FORBIDDEN_CATEGORIES = ['contempt', 'impatience', 'refusal', 'arguing'] as const;
export type ForbiddenCategory = (typeof FORBIDDEN_CATEGORIES)[number];

/**
 * One phrase a rep must not send. A trailing `*` lets the phrase match as a word prefix, for
 * languages that glue suffixes on (Turkish `imkansızdır`).
 */
export interface ForbiddenPhrase {
  readonly phrase: string;
  readonly category: ForbiddenCategory;
  /** What to write instead, in the same language. */
  readonly suggestion: string;
}

export interface ForbiddenPhraseHit extends ForbiddenPhrase {
  readonly locale: string;
  /** The text as written in the draft. */
  readonly match: string;
  /** UTF-16 offset of the match in the draft. */
  readonly index: number;
}

const SHIPPED_LISTS: Readonly<Record<string, readonly ForbiddenPhrase[]>> = keyedByLocale({
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
} as PerLocaleFiles<readonly ForbiddenPhrase[]>);

/** Scripts written without spaces between words (or, for Hangul, with particles glued on). */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ø: 'o',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u0640': '',
};

/**
 * Folds one character for matching: full-width to ASCII (NFKC), case, diacritics (including
 * Arabic harakat and hamza seats), typographic apostrophes and Arabic tatweel.
 */
function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  const lowered = ch.normalize('NFKC').toLowerCase();
  let folded = '';
  for (const part of lowered.normalize('NFD')) {
    if (/\p{M}/u.test(part)) continue;
    folded += FOLDS[part] ?? part;
  }
  return folded;
}

interface FoldedText {
  readonly text: string;
  /** For each folded UTF-16 unit, the offset of the source character it came from. */
  readonly origin: readonly number[];
}

function fold(source: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of source) {
    const piece = foldChar(ch);
    if (!(piece === ' ' && text.endsWith(' '))) {
      text += piece;
      for (let i = 0; i < piece.length; i++) origin.push(offset);
    }
    offset += ch.length;
  }
  origin.push(offset);
  return { text, origin };
}

function needsBoundary(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !UNSPACED.test(ch);
}

interface CompiledPhrase {
  readonly entry: ForbiddenPhrase;
  readonly locale: string;
  readonly folded: string;
  readonly boundaryStart: boolean;
  readonly boundaryEnd: boolean;
}

/**
 * Flags contempt, impatience, flat refusal and arguing in a draft (服务禁语). Companies can add
 * lists or phrases of their own; the shipped lists cover every language the templates ship in.
 */
export class ForbiddenPhraseChecker {
  private readonly compiled = new Map<string, CompiledPhrase[]>();

  constructor(extra: Readonly<Record<string, readonly ForbiddenPhrase[]>> = {}) {
    const locales = new Set([...Object.keys(SHIPPED_LISTS), ...Object.keys(extra)]);
    for (const locale of locales) {
      const entries = [...(SHIPPED_LISTS[locale] ?? []), ...(extra[locale] ?? [])];
      this.compiled.set(
        locale,
        entries.map((entry) => compile(entry, locale)),
      );
    }
  }

  locales(): string[] {
    return [...this.compiled.keys()];
  }

  phrases(locale: string): ForbiddenPhrase[] {
    return (this.compiled.get(locale) ?? []).map((compiled) => compiled.entry);
  }

  /**
   * Checks a draft against the list of its language and the English list (reps often mix in
   * English). Hits are ordered by position.
   */
  check(draft: string, locale: string): ForbiddenPhraseHit[] {
    const resolved = resolveLocale(locale, this.locales(), DEFAULT_LOCALE);
    const folded = fold(draft);
    const hits: ForbiddenPhraseHit[] = [];
    for (const list of new Set([resolved, DEFAULT_LOCALE])) {
      for (const phrase of this.compiled.get(list) ?? []) {
        hits.push(...findAll(draft, folded, phrase));
      }
    }
    return hits.sort((a, b) => a.index - b.index);
  }
}

function compile(entry: ForbiddenPhrase, locale: string): CompiledPhrase {
  if (!(FORBIDDEN_CATEGORIES as readonly string[]).includes(entry.category)) {
    throw new Error(
      `forbidden phrase "${entry.phrase}" (${locale}): unknown category "${entry.category}"`,
    );
  }
  const prefix = entry.phrase.endsWith('*');
  const folded = fold(prefix ? entry.phrase.slice(0, -1) : entry.phrase).text.trim();
  if (folded === '') throw new Error(`forbidden phrase list ${locale}: empty phrase`);
  return {
    entry,
    locale,
    folded,
    boundaryStart: needsBoundary(folded[0]),
    boundaryEnd: !prefix && needsBoundary(folded[folded.length - 1]),
  };
}

function findAll(draft: string, folded: FoldedText, phrase: CompiledPhrase): ForbiddenPhraseHit[] {
  const hits: ForbiddenPhraseHit[] = [];
  for (
    let at = folded.text.indexOf(phrase.folded);
    at !== -1;
    at = folded.text.indexOf(phrase.folded, at + 1)
  ) {
    const end = at + phrase.folded.length;
    if (phrase.boundaryStart && WORD_CHAR.test(folded.text[at - 1] ?? '')) continue;
    if (phrase.boundaryEnd && WORD_CHAR.test(folded.text[end] ?? '')) continue;
    const start = folded.origin[at] ?? 0;
    const stop = folded.origin[end] ?? draft.length;
    hits.push({
      ...phrase.entry,
      locale: phrase.locale,
      index: start,
      match: draft.slice(start, stop),
    });
  }
  return hits;
}

const shippedChecker = new ForbiddenPhraseChecker();

/** Checks a draft with the shipped phrase lists. */
export function checkForbiddenPhrases(draft: string, locale: string): ForbiddenPhraseHit[] {
  return shippedChecker.check(draft, locale);
}
