import { normaliseMessageId } from './dedup-key';
import { normaliseSubject } from './subject-threading';

/** Only the start of a message is read for its threading headers; they come first. */
const HEADER_SCAN_BYTES = 64 * 1024;
const THREADING_HEADER =
  /^(message-id|in-reply-to|references|subject)[ \t]*:(.*(?:\r?\n[ \t].*)*)/gim;

function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

/**
 * The Message-ID the parser will read, taken from the raw header block without parsing: only
 * when the message has exactly one Message-ID header holding one plain `<id>`, so that a batch
 * can look up what is stored already before anything is parsed.
 */
export function plainMessageId(raw: Buffer): string | undefined {
  const values = [...headerBlock(raw).matchAll(/^message-id[ \t]*:(.*(?:\r?\n[ \t].*)*)/gim)];
  if (values.length !== 1) return undefined;
  const value = values[0]![1]!.replace(/\r?\n[ \t]/g, ' ').trim();
  return /^<[^<>\s]+>$/.test(value) ? normaliseMessageId(value) : undefined;
}

/** Message-IDs and the subject a message could be threaded by, read from its raw header block. */
export function threadingKeys(raw: Buffer): string[] {
  const keys: string[] = [];
  for (const [, name, value = ''] of headerBlock(raw).matchAll(THREADING_HEADER)) {
    const unfolded = value.replace(/\r?\n[ \t]/g, ' ');
    if (name!.toLowerCase() === 'subject') {
      const subject = normaliseSubject(unfolded);
      if (subject) keys.push(`subject:${subject}`);
      continue;
    }
    for (const id of unfolded.match(/<[^<>]*>/g) ?? [unfolded]) {
      const normalised = normaliseMessageId(id);
      if (normalised) keys.push(`id:${normalised.toLowerCase()}`);
    }
  }
  return keys;
}

/**
 * Splits a batch into lanes of related messages: those sharing a Message-ID, a reference or a
 * subject land in the same lane, in their original order. When a message of a lane cannot be
 * stored, the rest of its lane waits for it, so a reply is never stored before the message it
 * answers and a conversation never forks into two threads. Returns indexes into `raws`.
 */
export function ingestLanes(raws: Buffer[]): number[][] {
  const parent = raws.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  const firstWithKey = new Map<string, number>();
  raws.forEach((raw, index) => {
    for (const key of threadingKeys(raw)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, index);
      else parent[root(index)] = root(other);
    }
  });
  const lanes = new Map<number, number[]>();
  raws.forEach((_, index) => {
    const lane = lanes.get(root(index));
    if (lane) lane.push(index);
    else lanes.set(root(index), [index]);
  });
  return [...lanes.values()];
}
