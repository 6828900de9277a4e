// The fixed ASCII classes (runtime/lib/regex/perl-classes.ts): the POSIX
// [:name:] classes and Perl's \d \s \w, as normalized ranges in static data.

import { Cursor } from "./state";
import { Words } from "./words";

/** The POSIX names in table order, space-separated; a static literal read as UTF-16 units, no String calls. */
const POSIX_NAMES = "alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit";
const POSIX_COUNT = 14;

/** Ranges of class k are words START[k] .. START[k + 1] of RANGES: the 14 POSIX classes, then Perl's \s. */
const RANGES = memory.data<u32>([
  0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a, // alnum
  0x41, 0x5a, 0x61, 0x7a, // alpha
  0x00, 0x7f, // ascii
  0x09, 0x09, 0x20, 0x20, // blank
  0x00, 0x1f, 0x7f, 0x7f, // cntrl
  0x30, 0x39, // digit
  0x21, 0x7e, // graph
  0x61, 0x7a, // lower
  0x20, 0x7e, // print
  0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e, // punct
  0x09, 0x0d, 0x20, 0x20, // space
  0x41, 0x5a, // upper
  0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a, // word
  0x30, 0x39, 0x41, 0x46, 0x61, 0x66, // xdigit
  0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20, // Perl \s: [\t\n\f\r ], no \v (RE2)
]);
const START = memory.data<u8>([0, 6, 10, 12, 16, 20, 22, 24, 26, 28, 36, 40, 42, 50, 56, 62]);

/** \d is [[:digit:]], \w is [[:word:]]. */
export const PERL_DIGIT: i32 = 5;
export const PERL_WORD: i32 = 12;
export const PERL_SPACE: i32 = 14;

/** A fresh copy of class k's ranges. */
export function fixedClass(k: i32): Words {
  const from = <i32>load<u8>(START + <usize>k);
  const to = <i32>load<u8>(START + <usize>k + 1);
  const out = new Words(to - from);
  for (let i = from; i < to; i++) out.push(load<u32>(RANGES + (<usize>i << 2)));
  return out;
}

/** The POSIX class whose name is code points [from, to) of the pattern, or -1. */
export function posixClass(p: Cursor, from: i32, to: i32): i32 {
  const names = changetype<usize>(POSIX_NAMES);
  const total = POSIX_NAMES.length;
  let start = 0;
  for (let k = 0; k < POSIX_COUNT; k++) {
    let end = start;
    while (end < total && load<u16>(names + (<usize>end << 1)) != 0x20) end++;
    if (end - start == to - from) {
      let same = true;
      for (let i = 0; i < to - from && same; i++) same = <i32>load<u16>(names + (<usize>(start + i) << 1)) == p.at(from + i);
      if (same) return k;
    }
    start = end + 1;
  }
  return -1;
}
