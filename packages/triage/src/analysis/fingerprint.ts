/**
 * 64-bit simhash over word 3-shingles (single characters for CJK scripts), so lightly edited
 * copies of one text land a few bits apart while unrelated texts differ in about half the bits.
 */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function simhash(text: string): string {
  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  const counts = new Int32Array(64);
  const span = Math.min(3, tokens.length);
  for (let i = 0; i + span <= tokens.length && span > 0; i += 1) {
    const shingle = tokens.slice(i, i + span).join(' ');
    const halves = [fnv1a(shingle, 0x811c9dc5), fnv1a(shingle, 0x01234567)];
    for (let bit = 0; bit < 64; bit += 1) {
      const set = (halves[bit >> 5]! >>> (bit & 31)) & 1;
      counts[bit]! += set ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (counts[bit]! > 0) low |= 1 << bit;
    if (counts[bit + 32]! > 0) high |= 1 << bit;
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
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}
