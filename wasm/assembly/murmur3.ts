// Hashing for `rollout.bucket`.

/**
 * MurmurHash3 x86 32-bit (Austin Appleby's public-domain algorithm) of
 * `len` bytes at `ptr` with `seed`. Independent of runtime/lib/murmur3.ts,
 * which the reference interpreter uses: the differential tests compare them.
 */
export function edict_murmur3(ptr: usize, len: i32, seed: u32): u32 {
  let h = seed;
  const blocks = len >> 2;
  for (let b = 0; b < blocks; b++) {
    let k = load<u32>(ptr + (<usize>b << 2));
    k *= 0xcc9e2d51;
    k = rotl<u32>(k, 15);
    k *= 0x1b873593;
    h ^= k;
    h = rotl<u32>(h, 13);
    h = h * 5 + 0xe6546b64;
  }
  const tail = ptr + (<usize>blocks << 2);
  const rest = len & 3;
  let k: u32 = 0;
  if (rest >= 3) k ^= (<u32>load<u8>(tail + 2)) << 16;
  if (rest >= 2) k ^= (<u32>load<u8>(tail + 1)) << 8;
  if (rest >= 1) {
    k ^= <u32>load<u8>(tail);
    k *= 0xcc9e2d51;
    k = rotl<u32>(k, 15);
    k *= 0x1b873593;
    h ^= k;
  }
  h ^= <u32>len;
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return h;
}

/**
 * `rollout.bucket(key, salt)` given the `len` UTF-8 bytes of
 * `salt + "/" + key` at `ptr`: murmur3 (seed 0) times 100 over 2^32, in [0, 100).
 */
export function edict_rollout_bucket(ptr: usize, len: i32): f64 {
  return (<f64>edict_murmur3(ptr, len, 0) * 100.0) / 4294967296.0;
}
