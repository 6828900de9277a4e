// Single-character escapes (runtime/lib/regex/escapes.ts): \a \f \t \n \r
// \v, octal \0 \012 \123, hex \x41 \x{10FFFF}, and `\` before ASCII
// punctuation. Class escapes (\d, \pL) and assertions (\b, \A) are the
// parser's.

import { BACKREFERENCE, BACKSLASH_C, BACKSLASH_Z, ESCAPE, TRAILING_BACKSLASH } from "./errors";
import { Cursor } from "./state";

@inline function isOctal(c: i32): bool {
  return c >= 0x30 && c <= 0x37;
}

function hexValue(c: i32): i32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export function isAsciiWordChar(c: i32): bool {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f;
}

/** \a \f \t \n \r \v as their code points, or -1. */
function simpleEscape(c: i32): i32 {
  switch (c) {
    case 0x61: return 7; // a
    case 0x66: return 12; // f
    case 0x74: return 9; // t
    case 0x6e: return 10; // n
    case 0x72: return 13; // r
    case 0x76: return 11; // v
  }
  return -1;
}

/**
 * Reads the escape whose letter is at the cursor (just after the
 * backslash) and moves past it; on error fails at `start` and returns -1.
 */
export function parseEscapeChar(p: Cursor, start: i32): i32 {
  const pos = p.pos;
  const c = p.at(pos);
  if (c < 0) {
    p.fail(TRAILING_BACKSLASH, start);
    return -1;
  }
  const simple = simpleEscape(c);
  if (simple >= 0) {
    p.pos = pos + 1;
    return simple;
  }
  // \1-\9 alone are backreferences; \1-\7 followed by an octal digit are octal.
  if (c >= 0x31 && c <= 0x39 && !(isOctal(c) && isOctal(p.at(pos + 1)))) {
    p.fail(BACKREFERENCE, start);
    return -1;
  }
  if (isOctal(c)) {
    let value = c - 0x30;
    let end = pos + 1;
    for (let k = 0; k < 2 && isOctal(p.at(end)); k++) value = value * 8 + (p.at(end++) - 0x30);
    p.pos = end;
    return value;
  }
  if (c == 0x78) return readHex(p, pos + 1, start); // x
  let error = ESCAPE;
  if (c == 0x6b) error = BACKREFERENCE; // k
  else if (c == 0x5a) error = BACKSLASH_Z;
  else if (c == 0x43) error = BACKSLASH_C;
  else if (c < 0x80 && !isAsciiWordChar(c)) {
    p.pos = pos + 1;
    return c;
  }
  p.fail(error, start);
  return -1;
}

/** After `\x`: two hex digits, or up to eight in braces (at most U+10FFFF). */
function readHex(p: Cursor, pos: i32, start: i32): i32 {
  if (p.at(pos) == 0x7b) {
    // Eight hex digits may exceed i32, hence u64.
    let value: u64 = 0;
    let end = pos + 1;
    while (p.at(end) != 0x7d) {
      const d = hexValue(p.at(end));
      if (d < 0 || end - pos > 8) {
        p.fail(ESCAPE, start);
        return -1;
      }
      value = value * 16 + <u64>d;
      end++;
    }
    if (end == pos + 1 || value > 0x10ffff) {
      p.fail(ESCAPE, start);
      return -1;
    }
    p.pos = end + 1;
    return <i32>value;
  }
  const hi = hexValue(p.at(pos));
  const lo = hexValue(p.at(pos + 1));
  if (hi < 0 || lo < 0) {
    p.fail(ESCAPE, start);
    return -1;
  }
  p.pos = pos + 2;
  return hi * 16 + lo;
}
