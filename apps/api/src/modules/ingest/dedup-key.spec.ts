import { dedupKey, messageIdKey } from './dedup-key';

const rawSha256 = 'ab'.repeat(32);

describe('dedupKey', () => {
  it.each([
    ['<part1.abc@mail.example.com>', 'part1.abc@mail.example.com'],
    ['  <part1.abc@mail.example.com>  ', 'part1.abc@mail.example.com'],
  ])('treats %p like %p', (a, b) => {
    expect(dedupKey({ messageId: a, rawSha256 })).toBe(
      dedupKey({ messageId: b, rawSha256: 'cd'.repeat(32) }),
    );
  });

  it('identifies a message by Message-ID regardless of its bytes', () => {
    const inInbox = dedupKey({ messageId: 'x@y', rawSha256 });
    const inArchive = dedupKey({ messageId: 'x@y', rawSha256: 'ef'.repeat(32) });
    expect(inInbox).toBe(inArchive);
    expect(inInbox).toBe(messageIdKey('x@y'));
  });

  it('falls back to the content hash when the Message-ID is missing or blank', () => {
    expect(dedupKey({ rawSha256 })).toBe(`raw:${rawSha256}`);
    expect(dedupKey({ messageId: ' <> ', rawSha256 })).toBe(`raw:${rawSha256}`);
  });

  it('keeps distinct ids distinct and fits the column however long the id is', () => {
    expect(dedupKey({ messageId: 'a@x', rawSha256 })).not.toBe(
      dedupKey({ messageId: 'b@x', rawSha256 }),
    );
    expect(dedupKey({ messageId: `${'a'.repeat(5000)}@x`, rawSha256 }).length).toBeLessThanOrEqual(
      80,
    );
  });
});
