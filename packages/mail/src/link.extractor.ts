import { Parser } from 'htmlparser2';
import LinkifyIt from 'linkify-it';
import type { Link } from './message';

const linkify = new LinkifyIt({ fuzzyEmail: false });

/** Lower-cased host of a URL ('' for mailto:, relative or unparseable ones); IDNs stay punycode. */
export function hostOf(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : /^\/\//.test(url) ? `http:${url}` : `http://${url}`;
  try {
    return new URL(absolute).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** Anchors of an HTML body with their visible text, entities decoded and whitespace collapsed. */
export function linksFromHtml(html: string): Link[] {
  const links: Link[] = [];
  let open: { url: string; text: string } | undefined;
  const close = (): void => {
    if (!open) return;
    links.push({ url: open.url, host: hostOf(open.url), text: open.text.replace(/\s+/g, ' ').trim() });
    open = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'a') return;
        close();
        const href = attributes.href?.trim();
        if (href) open = { url: href, text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name === 'a') close();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  close();
  return links;
}

/** Bare URLs in plain text (with or without a scheme, known TLDs only for scheme-less ones). */
export function linksFromText(text: string): Link[] {
  return (linkify.match(text) ?? [])
    .filter((match) => match.schema !== 'mailto:')
    .map((match) => ({ url: match.raw, host: hostOf(match.url), text: '' }));
}
