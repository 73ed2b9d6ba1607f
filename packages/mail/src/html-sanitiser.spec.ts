import { sanitiseHtml } from './html-sanitiser';

describe('sanitiseHtml', () => {
  it.each([
    { label: 'scripts', html: '<p>Hi<script>steal()</script></p>', expected: '<p>Hi</p>' },
    { label: 'event handlers', html: '<p onclick="steal()">Hi</p>', expected: '<p>Hi</p>' },
    {
      label: 'forms posing as a login',
      html: '<form action="http://x"><input name="pw"></form>ok',
      expected: 'ok',
    },
    {
      label: 'remote tracking images',
      html: '<img src="http://t.example/p.gif">',
      expected: '<img />',
    },
    {
      label: 'javascript: links',
      html: '<a href="javascript:steal()">x</a>',
      expected: '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    },
  ])('removes $label', ({ html, expected }) => {
    expect(sanitiseHtml(html)).toBe(expected);
  });

  it('keeps inline images and opens links safely', () => {
    expect(
      sanitiseHtml('<img src="cid:logo@x" alt="logo"><a href="https://example.com">site</a>'),
    ).toBe(
      '<img src="cid:logo@x" alt="logo" /><a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">site</a>',
    );
  });
});
