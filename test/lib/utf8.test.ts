import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareUtf8, utf8Decode, utf8Encode, utf8Length } from "../../runtime/lib/utf8.js";
import { base64Decode, base64Encode } from "../../runtime/lib/base64.js";
import { runs } from "../support/runs.js";

const nodeEncode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("utf8", () => {
  it("encodes like TextEncoder, including lone surrogates as U+FFFD", () => {
    for (const s of ["", "abc", "é", "€", "😀", "a\u0000b", "\ud800", "x\udc00y", "\ud83d"]) {
      expect(utf8Encode(s)).toEqual(nodeEncode(s));
      expect(utf8Length(s)).toBe(nodeEncode(s).length);
    }
  });

  it("round-trips any well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Encode(s)).toEqual(nodeEncode(s));
        expect(utf8Length(s)).toBe(nodeEncode(s).length);
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
      { numRuns: runs(300) },
    );
  });

  it("rejects ill-formed byte sequences", () => {
    const bad = [
      [0x80], // stray continuation
      [0xc0, 0x80], // overlong NUL
      [0xc1, 0xbf], // overlong
      [0xe0, 0x80, 0x80], // overlong 3-byte
      [0xed, 0xa0, 0x80], // surrogate D800
      [0xf0, 0x80, 0x80, 0x80], // overlong 4-byte
      [0xf4, 0x90, 0x80, 0x80], // > U+10FFFF
      [0xf5, 0x80, 0x80, 0x80],
      [0xe2, 0x82], // truncated
      [0xff],
    ];
    for (const b of bad) expect(utf8Decode(Uint8Array.from(b))).toBeNull();
  });

  it("agrees with a fatal TextDecoder on random bytes", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
        let expected: string | null;
        try {
          expected = decoder.decode(b);
        } catch {
          expected = null;
        }
        expect(utf8Decode(b)).toBe(expected);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("compareUtf8 orders by code point, unlike UTF-16 comparison", () => {
    expect(compareUtf8("\uff61", "😀")).toBeLessThan(0);
    expect("\uff61" < "😀").toBe(false);
    expect(compareUtf8("a", "b")).toBeLessThan(0);
    expect(compareUtf8("ab", "a")).toBeGreaterThan(0);
    expect(compareUtf8("x", "x")).toBe(0);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const ba = nodeEncode(a);
        const bb = nodeEncode(b);
        let byBytes = 0;
        for (let i = 0; i < Math.min(ba.length, bb.length) && byBytes === 0; i++) byBytes = ba[i]! - bb[i]!;
        if (byBytes === 0) byBytes = ba.length - bb.length;
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(byBytes));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("base64", () => {
  it("encodes like Node's Buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const expected = Buffer.from(b).toString("base64");
        expect(base64Encode(b)).toBe(expected);
        expect(base64Decode(expected)).toEqual(b);
        expect(base64Decode(expected.replace(/=+$/, ""))).toEqual(b);
      }),
      { numRuns: runs(500) },
    );
  });

  it("decodes known values", () => {
    expect(base64Decode("")).toEqual(new Uint8Array());
    expect(base64Decode("aGVsbG8=")).toEqual(utf8Encode("hello"));
    expect(base64Decode("aGVsbG8")).toEqual(utf8Encode("hello"));
    expect(base64Decode("/+8=")).toEqual(Uint8Array.from([0xff, 0xef]));
    // Unused trailing bits are ignored, as in Go and Node.
    expect(base64Decode("aGVsbG9=")).toEqual(utf8Encode("hello"));
  });

  it("rejects malformed input", () => {
    for (const s of ["a", "aGVsbG8==", "aGV=sbG8", "a===", "====", "aGVsbG8*", "-_8=", "aGVsbG8 ", "aGVs\nbG8="]) {
      expect(base64Decode(s)).toBeNull();
    }
  });
});
