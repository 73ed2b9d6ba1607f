import bidiFactory from 'bidi-js';
import LineBreaker from 'linebreak';
import type PDFDocument from 'pdfkit';
import type { PdfFontSet } from './pdf-fonts';
import { loadFont } from './pdf-fonts';

/**
 * Lays text out on a pdfkit page ourselves because pdfkit places words left to right and picks
 * one font per call: Arabic needs the Unicode bidi algorithm (words and numbers in visual order)
 * and a quote mixes scripts (Arabic labels, Latin model numbers, a Chinese company name).
 */

const bidi = bidiFactory();
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
}

export interface TextBox {
  readonly x: number;
  readonly width: number;
  readonly align: 'start' | 'end' | 'center';
}

interface Segment {
  readonly text: string;
  readonly font: string;
  readonly rtl: boolean;
  readonly width: number;
}

interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
}

export class PdfTextWriter {
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: typeof PDFDocument,
    private readonly fonts: PdfFontSet,
    readonly dir: 'ltr' | 'rtl',
  ) {}

  lineHeight(style: TextStyle): number {
    return style.size * 1.45;
  }

  /** Height the text would take in the box, without drawing it. */
  measure(text: string, box: TextBox, style: TextStyle): number {
    return this.layout(text, box.width, style).length * this.lineHeight(style);
  }

  /** Draws the text with its top at `y` and returns the height used. */
  draw(text: string, y: number, box: TextBox, style: TextStyle): number {
    const lines = this.layout(text, box.width, style);
    const height = this.lineHeight(style);
    lines.forEach((line, index) => this.drawLine(line, y + index * height, box, style));
    return lines.length * height;
  }

  private drawLine(line: Line, y: number, box: TextBox, style: TextStyle): void {
    const align =
      box.align === 'center'
        ? 'center'
        : (box.align === 'start') === (this.dir === 'ltr')
          ? 'left'
          : 'right';
    let x =
      align === 'left'
        ? box.x
        : align === 'right'
          ? box.x + box.width - line.width
          : box.x + (box.width - line.width) / 2;
    this.doc.fillColor(style.color ?? '#111111');
    for (const segment of line.segments) {
      this.doc.font(segment.font).fontSize(style.size);
      // Inside a right-to-left run the words go right to left; fontkit already orders the glyphs
      // inside each Arabic word, so only the word order is reversed here.
      const pieces = segment.rtl ? segment.text.split(/( +)/).reverse() : [segment.text];
      for (const piece of pieces) {
        if (piece === '') continue;
        if (piece.trim() !== '') this.doc.text(piece, x, y, { lineBreak: false });
        x += this.doc.widthOfString(piece);
      }
    }
  }

  private fontName(path: string): string {
    if (!this.registered.has(path)) {
      this.doc.registerFont(path, loadFont(path).buffer);
      this.registered.add(path);
    }
    return path;
  }

  /** Font file for each UTF-16 unit: the first face that has the glyph; spaces and marks follow their neighbour. */
  private fontsFor(text: string, bold: boolean): string[] {
    const paths = this.fonts.faces.map((face) => (bold ? face.bold : face.regular));
    const result: string[] = new Array<string>(text.length);
    let previous: string | undefined;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i) ?? 32;
      const wide = code > 0xffff;
      let chosen: string | undefined;
      if (/[\s\p{M}\u200c\u200d]/u.test(String.fromCodePoint(code)) && previous) {
        chosen = previous;
      } else {
        chosen = paths.find((path) => loadFont(path).font.hasGlyphForCodePoint(code)) ?? paths[0];
      }
      previous = chosen;
      result[i] = chosen ?? '';
      if (wide) result[++i] = result[i - 1] ?? '';
    }
    return result;
  }

  private layout(text: string, maxWidth: number, style: TextStyle): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text.split('\n')) {
      lines.push(...this.layoutParagraph(paragraph, maxWidth, style));
    }
    return lines;
  }

  private layoutParagraph(paragraph: string, maxWidth: number, style: TextStyle): Line[] {
    if (paragraph.trim() === '') return [{ segments: [], width: 0 }];
    const { levels } = bidi.getEmbeddingLevels(paragraph, this.dir);
    const mirrored = bidi.getMirroredCharactersMap(paragraph, levels);
    // Brackets inside right-to-left runs are drawn mirrored, as UAX #9 rule L4 requires.
    const shaped = Array.from(
      { length: paragraph.length },
      (_, i) => mirrored.get(i) ?? paragraph[i],
    ).join('');
    const fonts = this.fontsFor(shaped, style.bold ?? false);

    const breaker = new LineBreaker(paragraph);
    const lines: Line[] = [];
    let lineStart = 0;
    let lastFit = 0;
    for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
      const candidateEnd = brk.position;
      const width = this.lineWidth(shaped, fonts, levels, lineStart, candidateEnd, style);
      if (width > maxWidth && lastFit > lineStart) {
        lines.push(this.buildLine(shaped, fonts, levels, lineStart, lastFit, style));
        lineStart = lastFit;
      }
      lastFit = candidateEnd;
      if (brk.required) {
        lines.push(this.buildLine(shaped, fonts, levels, lineStart, candidateEnd, style));
        lineStart = candidateEnd;
      }
    }
    if (lineStart < shaped.length)
      lines.push(this.buildLine(shaped, fonts, levels, lineStart, shaped.length, style));
    return lines;
  }

  private lineWidth(
    text: string,
    fonts: string[],
    levels: Uint8Array,
    start: number,
    end: number,
    style: TextStyle,
  ): number {
    return this.buildLine(text, fonts, levels, start, end, style).width;
  }

  /** Splits a line into runs of one font and one direction, then orders the runs visually (UAX #9, rule L2). */
  private buildLine(
    text: string,
    fonts: string[],
    levels: Uint8Array,
    start: number,
    end: number,
    style: TextStyle,
  ): Line {
    let stop = end;
    while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--;
    const runs: { text: string; font: string; level: number }[] = [];
    for (let i = start; i < stop; i++) {
      // Direction marks (Intl puts U+200F into Arabic amounts) steer the bidi levels but have no glyph.
      if (BIDI_CONTROLS.test(text[i] ?? '')) continue;
      const font = fonts[i] ?? '';
      const level = levels[i] ?? 0;
      const last = runs[runs.length - 1];
      if (last && last.font === font && last.level === level) last.text += text[i];
      else runs.push({ text: text[i] ?? '', font, level });
    }
    const maxLevel = runs.reduce((max, run) => Math.max(max, run.level), 0);
    const minOdd = runs.reduce(
      (min, run) => (run.level % 2 === 1 ? Math.min(min, run.level) : min),
      Infinity,
    );
    for (let level = maxLevel; level >= minOdd && level > 0; level--) {
      for (let i = 0; i < runs.length; i++) {
        if ((runs[i]?.level ?? 0) < level) continue;
        let j = i;
        while (j + 1 < runs.length && (runs[j + 1]?.level ?? 0) >= level) j++;
        runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
        i = j;
      }
    }
    const segments = runs.map((run) => {
      this.doc.font(this.fontName(run.font)).fontSize(style.size);
      return {
        text: run.text,
        font: run.font,
        rtl: run.level % 2 === 1,
        width: this.doc.widthOfString(run.text),
      };
    });
    return { segments, width: segments.reduce((sum, segment) => sum + segment.width, 0) };
  }
}
