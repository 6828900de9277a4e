import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareUtf8 } from "../../runtime/lib/utf8.js";
import { CMap, sortedKeys } from "../../runtime/engine/values.js";
import { runs } from "../support/runs.js";

function mapOf(keys: string[]): CMap {
  const m = new CMap();
  for (const k of keys) m.set(k, null);
  return m;
}

const byUtf8 = (keys: string[]) => [...new Set(keys)].sort(compareUtf8);

describe("sortedKeys", () => {
  it("orders string keys by UTF-8 bytes, also where UTF-16 order differs", () => {
    // U+FF61 sorts before U+1F600 in UTF-16 (FF61 < D83D) but after it in UTF-8.
    expect(sortedKeys(mapOf(["\u{1F600}", "\uFF61", "b", "a", "ab", ""]))).toEqual(["", "a", "ab", "b", "\uFF61", "\u{1F600}"]);
  });

  it("agrees with a UTF-8 comparison on any string keys (fast path and fallback)", () => {
    const unit = fc.constantFrom("a", "b", "z", "é", "\uD7FF", "\uE000", "\uFF61", "\u{1F600}", "\u{10FFFF}", "\uD800");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit }), fc.string())), (keys) => {
        expect(sortedKeys(mapOf(keys))).toEqual(byUtf8(keys));
      }),
      { numRuns: runs(300) },
    );
  });

  it("agrees with a UTF-8 comparison on large maps (16 keys or more take the engine's own sort when they allow it)", () => {
    const unit = fc.constantFrom("a", "b", "/", "0", "é", "\uD7FF", "\uE000", "\uFF61", "\u{1F600}", "\uD800");
    const ascii = fc.string({ unit: fc.constantFrom("a", "b", "/", "0", "-"), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(ascii, { minLength: 16, maxLength: 60 }), fc.array(fc.string({ unit, maxLength: 4 }), { maxLength: 2 }), (plain, special) => {
        const keys = [...plain, ...special];
        expect(sortedKeys(mapOf(keys))).toEqual(byUtf8(keys));
      }),
      { numRuns: runs(300) },
    );
  });

  it("puts bools, then numbers, then strings when keys are mixed", () => {
    const m = mapOf(["b", "a"]);
    m.set(2n, null);
    m.set(true, null);
    m.set(false, null);
    expect(sortedKeys(m)).toEqual([false, true, 2n, "a", "b"]);
  });
});
