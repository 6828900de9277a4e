// Unicode data stays on the host: \p{...} ranges and case-folding orbits
// come from runtime/lib/regex/unicode.ts through two imports (their host
// side is runtime/engine/helper-regex.ts). Both answer with a pair count and
// write the pairs only when they fit, so a caller that guessed too little
// room asks again with exactly enough.

import { Words } from "./words";

/** Ranges of `unicodeClass(name)` for the UTF-8 name at namePtr; -1 for an unknown name. */
@external("edict", "regex_class")
declare function regex_class(namePtr: usize, nameLen: i32, outPtr: usize, capacityPairs: i32): i32;

/** Ranges of `foldRanges(ranges)` for the normalized pairs at inPtr. */
@external("edict", "regex_fold")
declare function regex_fold(inPtr: usize, inPairs: i32, outPtr: usize, capacityPairs: i32): i32;

/** Room guessed for a Unicode class; \p{L} and a few others need more and cost a second call. */
const CLASS_GUESS_PAIRS = 256;

/** The class named by `nameLen` UTF-8 bytes at `namePtr`, or null when the host knows no such class. */
export function unicodeClass(namePtr: usize, nameLen: i32): Words | null {
  let out = new Words(2 * CLASS_GUESS_PAIRS);
  let pairs = regex_class(namePtr, nameLen, out.ptr, CLASS_GUESS_PAIRS);
  if (pairs < 0) return null;
  if (pairs > CLASS_GUESS_PAIRS) {
    out = new Words(2 * pairs);
    pairs = min(regex_class(namePtr, nameLen, out.ptr, pairs), pairs);
  }
  out.length = 2 * pairs;
  return out;
}

/** `ranges` plus the case-folding orbit of every member, normalized. */
export function foldRanges(ranges: Words): Words {
  const inPairs = ranges.length >> 1;
  // Folding rarely more than doubles a set; \p{Ll} and the like cost a second call.
  const guess = 2 * inPairs + 8;
  let out = new Words(2 * guess);
  let pairs = regex_fold(ranges.ptr, inPairs, out.ptr, guess);
  if (pairs > guess) {
    out = new Words(2 * pairs);
    pairs = min(regex_fold(ranges.ptr, inPairs, out.ptr, pairs), pairs);
  }
  out.length = 2 * max(pairs, 0);
  return out;
}
