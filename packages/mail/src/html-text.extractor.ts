import { compile } from 'html-to-text';

/** Deeper markup is cut off rather than walked: nesting bombs must not stall parsing. */
const MAX_DEPTH = 1000;

/**
 * The options mailparser converts a top-level HTML part with, compiled once: compiling them is
 * as costly as converting a typical body, and it happened for every message.
 */
const convert = compile({ limits: { maxDepth: MAX_DEPTH } });

export interface HtmlText {
  text: string;
  problem?: string;
}

/**
 * Readable text of an HTML body, as mailparser would derive it from a top-level HTML part, so
 * the text of a message does not depend on how its parts were nested.
 */
export function textFromHtml(html: string): HtmlText {
  try {
    return { text: convert(html) };
  } catch (error) {
    return { text: '', problem: `no text could be derived: ${(error as Error).message}` };
  }
}
