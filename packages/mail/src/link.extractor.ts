import { decodeHTML } from 'entities';
import type { Link } from './message';

/*
 * Regular expressions rather than an HTML parser and linkify: link extraction runs on every
 * message on the parse hot path, and a full parse of each body cost a quarter of the time
 * parsing the MIME structure takes. Anchors do not nest, so the first closing tag ends one.
 */
const ANCHOR =
  /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)(?=<\/a\s*>|<a\b|$)/gi;
const TAG_OR_COMMENT = /<!--[\s\S]*?-->|<[^>]*>/g;
/** Bare URLs: with a scheme, or starting with `www.`; trailing sentence punctuation is not part of them. */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^[\]]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

/** Lower-cased host of a URL ('' for mailto:, relative or unparseable ones); IDNs stay punycode. */
function hostOf(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url)
    ? url
    : url.startsWith('//')
      ? `http:${url}`
      : `http://${url}`;
  try {
    return new URL(absolute).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** Anchors of an HTML body with their visible text, entities decoded and whitespace collapsed. */
export function linksFromHtml(html: string): Link[] {
  const links: Link[] = [];
  for (const match of html.matchAll(ANCHOR)) {
    const url = decodeHTML(match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (!url) continue;
    const text = decodeHTML((match[4] ?? '').replace(TAG_OR_COMMENT, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    links.push({ url, host: hostOf(url), text });
  }
  return links;
}

/** Bare URLs in plain text. */
export function linksFromText(text: string): Link[] {
  return Array.from(text.matchAll(BARE_URL), (match) => {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    return { url, host: hostOf(url), text: '' };
  });
}
