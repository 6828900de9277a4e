import { describe, expect, it } from "vitest";
import { murmur3x86_32, rolloutBucket } from "../../runtime/lib/murmur3.js";
import { utf8Encode } from "../../runtime/lib/utf8.js";

const bytes = (s: string): Uint8Array => utf8Encode(s);

describe("murmur3x86_32", () => {
  // Published MurmurHash3_x86_32 vectors (SMHasher-compatible implementations;
  // cross-checked against the Python mmh3 extension).
  it.each([
    ["", 0, 0],
    ["", 1, 0x514e28b7],
    ["", 0xffffffff, 0x81f16f39],
    ["\0\0\0\0", 0, 0x2362f9de],
    ["aaaa", 0x9747b28c, 0x5a97808a],
    ["a", 0x9747b28c, 0x7fa09ea6],
    ["abc", 0x9747b28c, 0xc84a62dd],
    ["Hello, world!", 0x9747b28c, 0x24884cba],
    ["hello", 0, 0x248bfa47],
    ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
    ["ππππππππ", 0x9747b28c, 0xd58063c1],
    ["ab", 0, 0x9bbfd75f],
    ["abcde", 0, 0xe89b9af6],
  ])("hash(%j, %d)", (text, seed, expected) => {
    expect(murmur3x86_32(bytes(text), seed)).toBe(expected);
  });

  it("returns an unsigned 32-bit integer", () => {
    for (let i = 0; i < 200; i++) {
      const h = murmur3x86_32(bytes(`key-${i}`), 0);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});

describe("rolloutBucket", () => {
  it("hashes salt/key with seed 0 and scales to [0, 100)", () => {
    expect(rolloutBucket("key", "salt")).toBe((0xd23c6777 * 100) / 2 ** 32);
    expect(rolloutBucket("ключ😀", "s")).toBe((0xfacd832c * 100) / 2 ** 32);
  });

  it("stays in [0, 100) and spreads keys roughly evenly", () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 5000; i++) {
      const b = rolloutBucket(`user-${i}`, "exp");
      expect(b >= 0 && b < 100).toBe(true);
      counts[Math.floor(b / 10)]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(400);
  });
});
