/** One generated message and the damage done to it, for naming a failing case. */
export interface FuzzedMessage {
  raw: Buffer;
  mutations: string[];
}

type Random = () => number;

/** mulberry32: small, fast and fully determined by the seed, so a failing case can be rebuilt. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const latin1 = (raw: Buffer): string => raw.toString('latin1');
const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

function separatorIndex(text: string): number {
  const match = /\r?\n\r?\n/.exec(text);
  return match ? match.index : -1;
}

function withHeaderBlock(raw: Buffer, replace: (header: string) => string): Buffer {
  const text = latin1(raw);
  const end = separatorIndex(text);
  return end === -1 ? bytes(replace(text)) : bytes(replace(text.slice(0, end)) + text.slice(end));
}

function randomBytes(random: Random, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

const CHARSETS = [
  'x-unknown',
  'utf-7',
  'gb2312',
  'big5',
  'iso-2022-jp',
  'koi8-r',
  'utf-16',
  'DEFAULT_CHARSET',
  '"',
  'base64',
];

type Mutation = (raw: Buffer, random: Random) => Buffer;

const MUTATIONS: Record<string, Mutation> = {
  truncated: (raw, random) => raw.subarray(0, Math.max(1, Math.floor(raw.length * random()))),
  badBoundary: (raw, random) => {
    const text = latin1(raw);
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
    if (!boundary) {
      return withHeaderBlock(
        raw,
        (header) =>
          `${header}\r\nContent-Type: multipart/mixed; boundary="zz${Math.floor(random() * 1e6)}"`,
      );
    }
    return random() < 0.5
      ? bytes(text.split(`--${boundary}--`).join(''))
      : bytes(text.replace(`boundary="${boundary}"`, 'boundary="nowhere"'));
  },
  badBase64: (raw, random) =>
    Buffer.concat([
      withHeaderBlock(
        raw,
        (header) =>
          header.replace(/^content-transfer-encoding:.*$/gim, '') +
          '\r\nContent-Transfer-Encoding: base64',
      ),
      bytes(`\r\n${'QUJD!!**==?'.repeat(1 + Math.floor(random() * 20))}=\r\n`),
    ]),
  badQuotedPrintable: (raw, random) =>
    Buffer.concat([
      withHeaderBlock(
        raw,
        (header) =>
          header.replace(/^content-transfer-encoding:.*$/gim, '') +
          '\r\nContent-Transfer-Encoding: quoted-printable',
      ),
      bytes(`\r\n=ZZ=4=\r\n${'=E4=BD'.repeat(1 + Math.floor(random() * 50))}=\r\n=`),
    ]),
  wrongCharset: (raw, random) => {
    const charset = pick(random, CHARSETS);
    const text = latin1(raw);
    return /charset=/i.test(text)
      ? bytes(text.replace(/charset="?[^";\s]+"?/gi, `charset=${charset}`))
      : withHeaderBlock(
          raw,
          (header) => `${header}\r\nContent-Type: text/plain; charset=${charset}`,
        );
  },
  eightBitBody: (raw, random) =>
    Buffer.concat([raw, randomBytes(random, 64).map((byte) => byte | 0x80)]),
  nulBytes: (raw, random) => {
    const out = Buffer.from(raw);
    for (let i = 0; i < 1 + random() * 20; i++) out[Math.floor(random() * out.length)] = 0;
    return out;
  },
  tenThousandHeaderLines: (raw) =>
    withHeaderBlock(
      raw,
      (header) =>
        `${Array.from({ length: 10_000 }, (_, i) => `X-Filler-${i}: value ${i}`).join('\r\n')}\r\n${header}`,
    ),
  hugeHeaderLine: (raw, random) =>
    withHeaderBlock(
      raw,
      (header) => `X-Huge: ${'a'.repeat(50_000 + Math.floor(random() * 200_000))}\r\n${header}`,
    ),
  missingSeparator: (raw) => {
    const text = latin1(raw);
    const end = separatorIndex(text);
    return end === -1
      ? raw
      : bytes(text.slice(0, end) + '\r\n' + text.slice(end).replace(/^\r?\n\r?\n/, ''));
  },
  binaryGarbage: (raw, random) =>
    random() < 0.5
      ? randomBytes(random, 1 + Math.floor(random() * 4096))
      : Buffer.concat([raw.subarray(0, 200), randomBytes(random, 2048)]),
  deepMultipart: (raw) => {
    const depth = 50;
    const open = Array.from(
      { length: depth },
      (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`,
    );
    const close = Array.from({ length: depth }, (_, i) => `\r\n--b${depth - 1 - i}--`);
    const body = `${open.join('')}Content-Type: text/plain\r\n\r\ndeep${close.join('')}\r\n`;
    const text = latin1(raw);
    const end = separatorIndex(text);
    const header = (end === -1 ? text : text.slice(0, end)).replace(
      /^content-type:.*(?:\r?\n[ \t].*)*$/gim,
      'X-Moved: 1',
    );
    return bytes(`${header}\r\nMIME-Version: 1.0\r\n${body}`);
  },
  emptyInput: () => Buffer.alloc(0),
};

/**
 * Builds `count` malformed messages from seed messages, the same ones for the same seed: each is a
 * seed message with one to three kinds of damage that real mail systems see (truncation, broken
 * boundaries and transfer encodings, wrong or unknown charsets, NUL bytes, 10,000-line and huge
 * headers, a missing header/body separator, binary garbage, multiparts nested 50 deep).
 */
export function buildFuzzCorpus(
  seedMessages: Buffer[],
  count: number,
  seed: number,
): FuzzedMessage[] {
  if (seedMessages.length === 0) throw new Error('buildFuzzCorpus needs at least one seed message');
  const random = seeded(seed);
  const names = Object.keys(MUTATIONS);
  return Array.from({ length: count }, (_, index) => {
    let raw = pick(random, seedMessages);
    // Every kind appears in turn first, so even a small corpus covers all of them.
    const mutations = [names[index % names.length] as string];
    for (let extra = Math.floor(random() * 3); extra > 0; extra--)
      mutations.push(pick(random, names));
    for (const name of mutations) raw = (MUTATIONS[name] as Mutation)(raw, random);
    return { raw, mutations };
  });
}
