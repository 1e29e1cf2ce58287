// Sets of case ids as bits in a Uint32Array: id n is bit n % 32 of word n >> 5. A filter over a million cases is
// then an AND of 31 250 words and a count a popcount of them, where a pass over the cases' columns touches
// a million slots.

export type Bits = Uint32Array;

export const wordsFor = (capacity: number): number => (capacity + 31) >>> 5;

export function grown(bits: Bits, words: number): Bits {
  if (bits.length >= words) return bits;
  const next = new Uint32Array(words);
  next.set(bits);
  return next;
}

export const has = (bits: Bits, id: number): boolean => (bits[id >>> 5] & (1 << (id & 31))) !== 0;

export function add(bits: Bits, id: number): void {
  bits[id >>> 5] |= 1 << (id & 31);
}

export function remove(bits: Bits, id: number): void {
  bits[id >>> 5] &= ~(1 << (id & 31));
}

/** target &= other (words past other's end count as empty). */
export function andInto(target: Bits, other: Bits): void {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] &= other[i];
  target.fill(0, n);
}

/** target |= other. */
export function orInto(target: Bits, other: Bits): void {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] |= other[i];
}

/** target &= ~other. */
export function andNotInto(target: Bits, other: Bits): void {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] &= ~other[i];
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(bits: Bits): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) total += popcount32(bits[i]);
  return total;
}

/** |a ∩ b| without building the intersection. */
export function countAnd(a: Bits, b: Bits): number {
  const n = Math.min(a.length, b.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const word = a[i] & b[i];
    if (word !== 0) total += popcount32(word);
  }
  return total;
}

/** The union of some sets, in a fresh array of `words` words. */
export function unionOf(sets: Iterable<Bits | undefined>, words: number): Bits {
  const union = new Uint32Array(words);
  for (const set of sets) if (set) orInto(union, set);
  return union;
}
