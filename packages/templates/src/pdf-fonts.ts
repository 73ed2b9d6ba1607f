import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** One typeface in regular and bold, as file paths (TTF or OTF). */
export interface FontFaceFiles {
  readonly regular: string;
  readonly bold: string;
}

/** The faces a document may use, in order of preference for each character. */
export interface PdfFontSet {
  readonly faces: readonly FontFaceFiles[];
}

export class PdfFontError extends Error {
  override readonly name = 'PdfFontError';
}

type Script = 'latin' | 'sc' | 'jp' | 'kr' | 'arabic';

/** Noto fonts shipped as npm packages, so a PDF renders the same on every machine without apt. */
const SHIPPED: Readonly<Record<Script, { pkg: string; regular: string; bold: string }>> = {
  latin: {
    pkg: '@embedpdf/fonts-latin',
    regular: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
  },
  sc: {
    pkg: '@embedpdf/fonts-sc',
    regular: 'NotoSansHans-Regular.otf',
    bold: 'NotoSansHans-Bold.otf',
  },
  jp: { pkg: '@embedpdf/fonts-jp', regular: 'NotoSansJP-Regular.otf', bold: 'NotoSansJP-Bold.otf' },
  kr: { pkg: '@embedpdf/fonts-kr', regular: 'NotoSansKR-Regular.otf', bold: 'NotoSansKR-Bold.otf' },
  arabic: {
    pkg: '@embedpdf/fonts-arabic',
    regular: 'NotoNaskhArabic-Regular.ttf',
    bold: 'NotoNaskhArabic-Bold.ttf',
  },
};

// A Map: a locale argument such as "constructor" must not find a property of every object.
const PRIMARY: ReadonlyMap<string, Script> = new Map([
  ['zh-CN', 'sc'],
  ['ja', 'jp'],
  ['ko', 'kr'],
  ['ar', 'arabic'],
]);

function shippedFace(script: Script): FontFaceFiles {
  const entry = SHIPPED[script];
  let root: string;
  try {
    // The packages export only their dist entry (not package.json); the fonts sit beside dist/.
    root = join(dirname(require.resolve(entry.pkg)), '..');
  } catch {
    throw new PdfFontError(
      `font package ${entry.pkg} is not installed (npm install ${entry.pkg} -w packages/templates)`,
    );
  }
  return { regular: join(root, 'fonts', entry.regular), bold: join(root, 'fonts', entry.bold) };
}

/**
 * The fonts for a quote in a locale: the locale's own script first, then Latin/Cyrillic, Arabic
 * and Chinese as fallbacks so that names written in another script (a Chinese seller's company
 * name in an English quote) still print.
 */
export function fontSetFor(locale: string): PdfFontSet {
  const primary = PRIMARY.get(locale) ?? 'latin';
  const order: Script[] = [
    primary,
    ...(['latin', 'arabic', 'sc'] as const).filter((script) => script !== primary),
  ];
  return { faces: order.map(shippedFace) };
}

const loaded = new Map<string, { buffer: Buffer; font: fontkit.Font }>();

/** Reads and parses a font file once per process; CJK fonts are several megabytes. */
export function loadFont(path: string): { buffer: Buffer; font: fontkit.Font } {
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) throw new PdfFontError(`font file not found: ${path}`);
  const buffer = readFileSync(path);
  const parsed = fontkit.create(buffer);
  if (!('hasGlyphForCodePoint' in parsed))
    throw new PdfFontError(`${path} is a font collection; give a single TTF or OTF`);
  const entry = { buffer, font: parsed };
  loaded.set(path, entry);
  return entry;
}
