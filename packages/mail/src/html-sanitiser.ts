import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center'],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    '*': ['style', 'align', 'dir', 'lang', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    a: ['href', 'name', 'target', 'rel'],
    td: ['colspan', 'rowspan', 'width', 'valign'],
    th: ['colspan', 'rowspan', 'width', 'valign'],
  },
  // Remote images are tracking pixels in suspicious mail; only inline (cid/data) images are shown.
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/**
 * HTML safe to store and show to a rep: no scripts, handlers, forms, frames or remote images.
 * Kept out of `parseMessage` because parsing is on the hot path and display is not.
 */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
