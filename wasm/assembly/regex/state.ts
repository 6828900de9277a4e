// The parser's cursor over the pattern: its code points, the position, the
// flags in force and the first error. AssemblyScript has no exceptions, so
// where the JavaScript parser throws, `fail` records the error (the first
// one wins, as a throw would) and every caller checks `error` and returns.

import { codePointOf, decodeAt, widthOf } from "./utf8";
import { NameSet } from "./names";

/** (?i) */
export const FOLD: i32 = 1;
/** (?m) */
export const MULTI_LINE: i32 = 2;
/** (?s) */
export const DOT_NEWLINE: i32 = 4;
/** (?U) */
export const UNGREEDY: i32 = 8;

export class Cursor {
  /** Code points of the pattern as i32 (a lone surrogate arrived as U+FFFD, like the JavaScript parser reads it). */
  chars: usize;
  length: i32 = 0;
  /** Byte offset in the UTF-8 pattern of each code point, plus the end: \p names go to the host as slices of the pattern. */
  offsets: usize;
  bytes: usize;
  pos: i32 = 0;
  flags: i32 = 0;
  depth: i32 = 0;
  names: NameSet;

  /** Error code (errors.ts), 0 while there is none. */
  error: i32 = 0;
  errorAt: i32 = -1;
  errorFrom: i32 = -1;
  errorTo: i32 = -1;

  /** A cache for `indexOfBracket`: the answer for searches starting anywhere in (bracketFrom, bracketAt] (none yet). */
  private bracketFrom: i32 = i32.MAX_VALUE;
  private bracketAt: i32 = -1;

  constructor(bytes: usize, byteLength: i32) {
    // At most one code point per byte.
    const chars = __alloc(<usize>byteLength << 2);
    const offsets = __alloc((<usize>byteLength + 1) << 2);
    const end = bytes + <usize>byteLength;
    let p = bytes;
    let n = 0;
    while (p < end) {
      const d = decodeAt(p, end);
      store<i32>(chars + (<usize>n << 2), codePointOf(d));
      store<i32>(offsets + (<usize>n << 2), <i32>(p - bytes));
      p += <usize>widthOf(d);
      n++;
    }
    store<i32>(offsets + (<usize>n << 2), byteLength);
    this.bytes = bytes;
    this.chars = chars;
    this.offsets = offsets;
    this.length = n;
    this.names = new NameSet(chars);
  }

  /** Records the first error: `at` is where the message points, [from, to) what it quotes (or -1). */
  fail(code: i32, at: i32, from: i32 = -1, to: i32 = -1): void {
    if (this.error != 0) return;
    this.error = code;
    this.errorAt = at;
    this.errorFrom = from;
    this.errorTo = to;
  }

  /** The code point at index i, or -1 past the end. */
  @inline at(i: i32): i32 {
    return i < this.length ? load<i32>(this.chars + (<usize>i << 2)) : -1;
  }

  @inline peek(): i32 {
    return this.at(this.pos);
  }

  @inline peekAt(offset: i32): i32 {
    return this.at(this.pos + offset);
  }

  @inline lookingAt2(a: i32, b: i32): bool {
    return this.at(this.pos) == a && this.at(this.pos + 1) == b;
  }

  @inline lookingAt3(a: i32, b: i32, c: i32): bool {
    return this.lookingAt2(a, b) && this.at(this.pos + 2) == c;
  }

  /** Byte offset in the UTF-8 pattern of code point i (i <= length). */
  @inline byteOffset(i: i32): i32 {
    return load<i32>(this.offsets + (<usize>i << 2));
  }

  /** Index of the first `c` at or after `from`, or -1. */
  indexOf(c: i32, from: i32): i32 {
    for (let i = from; i < this.length; i++) if (load<i32>(this.chars + (<usize>i << 2)) == c) return i;
    return -1;
  }

  /**
   * indexOf("]", from) for `[:` inside a class. The JavaScript parser scans
   * afresh each time, quadratic over `[[:[:[:...`; a search starting where
   * the previous one scanned has the same answer, so it is remembered.
   */
  indexOfBracket(from: i32): i32 {
    if (from > this.bracketFrom && (this.bracketAt < 0 || from <= this.bracketAt)) return this.bracketAt;
    this.bracketFrom = from - 1;
    this.bracketAt = this.indexOf(0x5d, from);
    return this.bracketAt;
  }
}
