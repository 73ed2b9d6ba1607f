import { htmlToText } from 'html-to-text';

/** Deeper markup is cut off rather than walked: nesting bombs must not stall parsing. */
const MAX_DEPTH = 1000;

export interface HtmlText {
  text: string;
  problem?: string;
}

/**
 * Readable text of an HTML body, with the same converter mailparser uses for a top-level HTML
 * part, so the text of a message does not depend on how its parts were nested.
 */
export function textFromHtml(html: string): HtmlText {
  try {
    return { text: htmlToText(html, { limits: { maxDepth: MAX_DEPTH } }) };
  } catch (error) {
    return { text: '', problem: `no text could be derived: ${(error as Error).message}` };
  }
}
