import { isUnchanged, type FolderCursor } from './imap-folder-sync';

const cursor: FolderCursor = {
  uidValidity: 7,
  highestUid: 120,
  highestModseq: '900',
  messagesOnServer: 118,
};
const same = { uidValidity: 7n, uidNext: 121, messages: 118, highestModseq: 900n };

describe('isUnchanged', () => {
  it('is true only when STATUS matches the cursor', () => {
    expect(isUnchanged(cursor, same)).toBe(true);
  });

  it.each([
    ['a new message', { ...same, uidNext: 122, messages: 119 }],
    ['a deleted message', { ...same, messages: 117 }],
    ['a flag change (CONDSTORE)', { ...same, highestModseq: 901n }],
    ['a new UIDVALIDITY', { ...same, uidValidity: 8n }],
  ])('is false after %s', (_what, status) => {
    expect(isUnchanged(cursor, status)).toBe(false);
  });

  it('is false on a first sync and ignores a missing HIGHESTMODSEQ', () => {
    expect(isUnchanged(undefined, same)).toBe(false);
    expect(isUnchanged(cursor, { ...same, highestModseq: undefined })).toBe(true);
  });
});
