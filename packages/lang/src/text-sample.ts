/**
 * Sixty-odd words tell a language about as well as a whole message does, so a long body is judged
 * on a bounded sample: detection then costs about what a long sentence costs, whatever the size
 * of the mail.
 */

/** Characters of raw text read at all: the buyer's words come first and a quoted thread cuts the rest. */
export const MAX_READ_CHARS = 4_000;
/** Characters of cleaned text that are judged. */
export const MAX_SAMPLE_CHARS = 400;
/** Paragraphs drawn at most: each one is judged on its own, which has a cost of its own. */
const MAX_PIECES = 12;

/** The opening of `text` up to about `length` characters, cut back to a word boundary when there is one. */
function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return text.slice(0, cut > length / 2 ? cut : length);
}

/**
 * About `MAX_SAMPLE_CHARS` of `text`, drawn from every part of it rather than only the start:
 * each paragraph gives its opening in proportion to its length, so each language written in it
 * keeps its share of the letters; of more than `MAX_PIECES` paragraphs, evenly spaced ones from
 * the first to the last are taken.
 */
export function textSample(text: string): string {
  if (text.length <= MAX_SAMPLE_CHARS) return text;
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim().length > 0);
  const chosen =
    paragraphs.length <= MAX_PIECES
      ? paragraphs
      : Array.from(
          { length: MAX_PIECES },
          (_, i) => paragraphs[Math.round((i * (paragraphs.length - 1)) / (MAX_PIECES - 1))] ?? '',
        );
  const total = chosen.reduce((sum, paragraph) => sum + paragraph.length, 0);
  return chosen
    .map((paragraph) => head(paragraph, Math.ceil((MAX_SAMPLE_CHARS * paragraph.length) / total)))
    .join('\n\n');
}
