// Single-character escapes of RE2 syntax, read from a pattern's code points:
// \a \f \t \n \r \v, octal \0 \012 \123, hex \x41 \x{10FFFF}, and `\` before
// ASCII punctuation. Class escapes (\d, \pL) and assertions (\b, \A) are the
// parser's.

import { RegexError } from "./messages.js";

/** `error` is a code of messages.ts. */
export type EscapeResult = { value: number; end: number } | { error: number };

const SIMPLE: { [letter: string]: number } = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

const isOctal = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x37;

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** Reads the escape whose letter is at `chars[pos]` (just after the backslash). */
export function readEscapeChar(chars: readonly number[], pos: number): EscapeResult {
  const c = chars[pos];
  if (c === undefined) return { error: RegexError.TrailingBackslash };
  const simple = SIMPLE[String.fromCodePoint(c)];
  if (simple !== undefined) return { value: simple, end: pos + 1 };
  // \1-\9 alone are backreferences; \1-\7 followed by an octal digit are octal.
  if (c >= 0x31 && c <= 0x39 && !(isOctal(c) && isOctal(chars[pos + 1]))) {
    return { error: RegexError.Backreference };
  }
  if (isOctal(c)) {
    let value = c - 0x30;
    let end = pos + 1;
    for (let k = 0; k < 2 && isOctal(chars[end]); k++) value = value * 8 + (chars[end++]! - 0x30);
    return { value, end };
  }
  if (c === 0x78) return readHex(chars, pos + 1); // x
  if (c === 0x6b) return { error: RegexError.Backreference }; // k
  if (c === 0x5a) return { error: RegexError.BackslashZ };
  if (c === 0x43) return { error: RegexError.BackslashC };
  if (c < 0x80 && !isAsciiWordChar(c)) return { value: c, end: pos + 1 };
  return { error: RegexError.Escape };
}

/** After `\x`: two hex digits, or up to eight in braces (at most U+10FFFF). */
function readHex(chars: readonly number[], pos: number): EscapeResult {
  if (chars[pos] === 0x7b) {
    let value = 0;
    let end = pos + 1;
    while (chars[end] !== 0x7d) {
      const d = hexValue(chars[end]);
      if (d < 0 || end - pos > 8) return { error: RegexError.Escape };
      value = value * 16 + d;
      end++;
    }
    if (end === pos + 1 || value > 0x10ffff) return { error: RegexError.Escape };
    return { value, end: end + 1 };
  }
  const hi = hexValue(chars[pos]);
  const lo = hexValue(chars[pos + 1]);
  if (hi < 0 || lo < 0) return { error: RegexError.Escape };
  return { value: hi * 16 + lo, end: pos + 2 };
}
