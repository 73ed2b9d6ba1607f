import { compile } from 'html-to-text';

/** Deeper markup is cut off rather than walked: nesting bombs must not stall parsing. */
const MAX_DEPTH = 1000;

/** Options compiled once: compiling them is as costly as converting a typical body. */
const convert = compile({ limits: { maxDepth: MAX_DEPTH } });

export interface HtmlText {
  text: string;
  problem?: string;
}

/** Readable text of an HTML body: block structure kept as line breaks, links as `text [url]`. */
export function textFromHtml(html: string): HtmlText {
  try {
    return { text: convert(html) };
  } catch (error) {
    return { text: '', problem: `no text could be derived: ${(error as Error).message}` };
  }
}
