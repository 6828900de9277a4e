// UTF-8 over JS strings without TextEncoder/TextDecoder: these loops are the
// ones the AssemblyScript runtime ports, and the decoder must reject every
// ill-formed sequence (overlong forms, surrogates, > U+10FFFF) so that the
// interpreter and the Wasm runtime agree on which byte strings are text.

/** The UTF-8 bytes of `s`; a lone surrogate is encoded as U+FFFD. */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    o = writeCodePoint(out, o, c);
  }
  return out;
}

function writeCodePoint(out: Uint8Array, o: number, c: number): number {
  if (c < 0x80) {
    out[o++] = c;
  } else if (c < 0x800) {
    out[o++] = 0xc0 | (c >> 6);
    out[o++] = 0x80 | (c & 0x3f);
  } else if (c < 0x10000) {
    out[o++] = 0xe0 | (c >> 12);
    out[o++] = 0x80 | ((c >> 6) & 0x3f);
    out[o++] = 0x80 | (c & 0x3f);
  } else {
    out[o++] = 0xf0 | (c >> 18);
    out[o++] = 0x80 | ((c >> 12) & 0x3f);
    out[o++] = 0x80 | ((c >> 6) & 0x3f);
    out[o++] = 0x80 | (c & 0x3f);
  }
  return o;
}

/** Room for `s` as UTF-8: 3 bytes per UTF-16 unit, or the exact size of a long string (not to over-reserve). */
export function utf8Room(s: string): number {
  return s.length > 1365 ? utf8Length(s) : s.length * 3;
}

/** Number of UTF-8 bytes of `s` (a lone surrogate counts as U+FFFD: 3). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else n += 3;
  }
  return n;
}

/** The string that `b` encodes, or null when `b` is not well-formed UTF-8. */
export function utf8Decode(b: Uint8Array): string | null {
  const parts: string[] = [];
  let units: number[] = [];
  let i = 0;
  while (i < b.length) {
    const b0 = b[i]!;
    let cp: number;
    let len: number;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      len = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      return null;
    }
    if (i + len > b.length) return null;
    for (let k = 1; k < len; k++) {
      const bk = b[i + k]!;
      if ((bk & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (bk & 0x3f);
    }
    // Overlong 3- and 4-byte forms, surrogates and values past U+10FFFF.
    if (len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return null;
    if (len === 4 && (cp < 0x10000 || cp > 0x10ffff)) return null;
    if (cp < 0x10000) {
      units.push(cp);
    } else {
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
    i += len;
  }
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}

/**
 * Compares two strings by their UTF-8 bytes, which is the same as comparing
 * code points (and differs from JS `<`, which compares UTF-16 units: U+FF61
 * sorts before U+1F600 by code point but after it by UTF-16 unit).
 * Returns a negative number, zero or a positive number.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800-DFFF) encode code points above every BMP unit, so
    // lift them above E000-FFFF before comparing.
    return liftSurrogate(x) - liftSurrogate(y);
  }
  return a.length - b.length;
}

function liftSurrogate(u: number): number {
  return u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u;
}

/**
 * `s` with every lone surrogate replaced by U+FFFD: what `s` becomes once
 * written as UTF-8 and read back (String.prototype.toWellFormed, which
 * ES2022 lacks). The string functions that bundles run in their helpers
 * see their arguments this way, in both engines.
 */
export function wellFormed(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return utf8Decode(utf8Encode(s))!;
  }
  return s;
}
