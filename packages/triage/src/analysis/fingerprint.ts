/**
 * 64-bit simhash over words and word pairs (single characters for CJK scripts), so lightly edited
 * copies of one text land a few bits apart while unrelated texts differ in about half the bits.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Kana and CJK ideographs: each character is a token, as these scripts do not space words. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xc0 &&
      !isCjk(code) &&
      code !== 0x2019 &&
      !(code >= 0x2000 && code <= 0x206f) &&
      !(code >= 0x3000 && code <= 0x303f) &&
      !(code >= 0xff00 && code <= 0xff0f))
  );
}

/** FNV-1a hashes of the words of a lower-cased text, computed without building substrings. */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) {
      if (inWord) hashes.push(hash >>> 0);
      hashes.push(Math.imul(FNV_OFFSET ^ code, FNV_PRIME) >>> 0);
      inWord = false;
      hash = FNV_OFFSET;
    } else if (isWordChar(code)) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      hashes.push(hash >>> 0);
      inWord = false;
      hash = FNV_OFFSET;
    }
  }
  if (inWord) hashes.push(hash >>> 0);
  return hashes;
}

/** Mixes a feature's token hashes into one 32-bit value (murmur3 finaliser after a combine). */
function mix(a: number, b: number, seed: number): number {
  let h = Math.imul(a ^ seed, 0x9e3779b1);
  h = Math.imul(h ^ b, 0x85ebca6b) ^ (h >>> 13);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * Each byte value spread to one nibble per bit (bit j to bits 4j..4j+3), so adding a feature's
 * bytes counts its set bits for eight positions at once instead of one position per step.
 */
const SPREAD = Float64Array.from({ length: 256 }, (_, byte) => {
  let spread = 0;
  for (let bit = 0; bit < 8; bit += 1) if ((byte >>> bit) & 1) spread += 2 ** (4 * bit);
  return spread;
});
/** Features a nibble holds before it would carry into the next bit's count. */
const NIBBLE_MAX = 15;

export function simhash(text: string): string {
  // The opening of a text identifies it; long tails (quoted threads, footers) only cost time.
  const hashes = wordHashes(text.slice(0, 1200).toLowerCase());
  // Set bits per position; a bit of the fingerprint is set when more than half the features set it.
  const ones = new Int32Array(64);
  const packed = new Float64Array(8);
  let features = 0;
  let pending = 0;
  const flush = (): void => {
    for (let byte = 0; byte < 8; byte += 1) {
      const nibbles = packed[byte]! >>> 0;
      for (let bit = 0; bit < 8; bit += 1) ones[byte * 8 + bit]! += (nibbles >>> (4 * bit)) & 15;
      packed[byte] = 0;
    }
    pending = 0;
  };
  const add = (first: number, second: number): void => {
    const low = mix(first, second, 0x01234567);
    const high = mix(first, second, 0x76543210);
    packed[0]! += SPREAD[low & 255]!;
    packed[1]! += SPREAD[(low >>> 8) & 255]!;
    packed[2]! += SPREAD[(low >>> 16) & 255]!;
    packed[3]! += SPREAD[low >>> 24]!;
    packed[4]! += SPREAD[high & 255]!;
    packed[5]! += SPREAD[(high >>> 8) & 255]!;
    packed[6]! += SPREAD[(high >>> 16) & 255]!;
    packed[7]! += SPREAD[high >>> 24]!;
    features += 1;
    if ((pending += 1) === NIBBLE_MAX) flush();
  };
  // Words and word pairs: pairs keep the order, single words keep an edited copy close.
  for (let i = 0; i < hashes.length; i += 1) {
    add(hashes[i]!, 0);
    if (i + 1 < hashes.length) add(hashes[i]!, hashes[i + 1]!);
  }
  flush();
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (2 * ones[bit]! > features) low |= 1 << bit;
    if (2 * ones[bit + 32]! > features) high |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

function popcount(n: number): number {
  let v = n >>> 0;
  let count = 0;
  while (v) {
    v &= v - 1;
    count += 1;
  }
  return count;
}

/** Differing bits between two fingerprints; 64 when either is malformed. */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) return 64;
  return (
    popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16))
  );
}
