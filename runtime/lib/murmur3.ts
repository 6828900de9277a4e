// MurmurHash3 x86 32-bit (Austin Appleby's public-domain algorithm), the hash
// behind `rollout.bucket` (spec section 8). Math.imul keeps every product in
// 32 bits, the same arithmetic an i32 Wasm port performs.

import { utf8Encode } from "./utf8.js";

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3_x86_32 of `bytes` with `seed`, as an unsigned 32-bit number. */
export function murmur3x86_32(bytes: Uint8Array, seed: number): number {
  let h = seed | 0;
  const blocks = bytes.length >> 2;
  for (let b = 0; b < blocks; b++) {
    const i = b << 2;
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks << 2;
  let k = 0;
  const rest = bytes.length & 3;
  if (rest >= 3) k ^= bytes[tail + 2]! << 16;
  if (rest >= 2) k ^= bytes[tail + 1]! << 8;
  if (rest >= 1) {
    k ^= bytes[tail]!;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * `rollout.bucket(key, salt)`: murmur3 (seed 0) of the UTF-8 bytes of
 * `salt + "/" + key`, times 100, divided by 2^32 — a double in [0, 100).
 * The product is exact in a double (h < 2^32, 100 < 2^7), so every host
 * computes the same bits.
 */
export function rolloutBucket(key: string, salt: string): number {
  return (murmur3x86_32(utf8Encode(salt + "/" + key), 0) * 100) / 4294967296;
}
