// Bracket classes [...] and class escapes \d \D \s \S \w \W \pX \p{Name}
// \PX \P{^Name} (the class half of runtime/lib/regex/parser.ts). Each
// returns normalized ranges, or null when it failed (cursor.error set) or,
// for escapes, when the escape is no class.

import { CLASS_RANGE, ESCAPE, MISSING_BRACKET, UNKNOWN_CLASS } from "./errors";
import { parseEscapeChar } from "./escapes";
import { fixedClass, PERL_DIGIT, PERL_SPACE, PERL_WORD, posixClass } from "./perl-classes";
import { negateRanges, normalizeRanges } from "./ranges";
import { Cursor, FOLD } from "./state";
import { foldRanges, unicodeClass } from "./unicode";
import { Words } from "./words";

/** \d \D \s \S \w \W \pX \p{Name} \PX \P{^Name} at the cursor (after the backslash), or null with nothing consumed. */
export function parseEscapeClass(p: Cursor, start: i32): Words | null {
  const c = p.peek();
  // Perl classes are ASCII and not case-folded under (?i), as in RE2.
  const lower = c | 0x20;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
    const k = lower == 0x64 ? PERL_DIGIT : lower == 0x73 ? PERL_SPACE : lower == 0x77 ? PERL_WORD : -1;
    if (k >= 0) {
      p.pos++;
      return c == lower ? fixedClass(k) : negateRanges(fixedClass(k));
    }
  }
  if (c != 0x70 && c != 0x50) return null; // p P
  p.pos++;
  let negated = c == 0x50;
  // Code points [nameStart, nameEnd) of the pattern spell the name.
  let nameStart: i32;
  let nameEnd: i32;
  if (p.peek() == 0x7b) {
    const close = p.indexOf(0x7d, p.pos);
    if (close < 0) {
      p.fail(CLASS_RANGE, start);
      return null;
    }
    nameStart = p.pos + 1;
    nameEnd = close;
    p.pos = close + 1;
    if (nameStart < nameEnd && p.at(nameStart) == 0x5e) {
      negated = !negated;
      nameStart++;
    }
  } else {
    if (p.peek() < 0) {
      p.fail(ESCAPE, start);
      return null;
    }
    nameStart = p.pos;
    nameEnd = ++p.pos;
  }
  const from = p.byteOffset(nameStart);
  let ranges = unicodeClass(p.bytes + <usize>from, p.byteOffset(nameEnd) - from);
  if (ranges === null) {
    p.fail(UNKNOWN_CLASS, start, nameStart, nameEnd);
    return null;
  }
  if (p.flags & FOLD) ranges = foldRanges(ranges);
  return negated ? negateRanges(ranges) : ranges;
}

/** A bracket class after `[`; its normalized ranges (negation applied last, after folding). */
export function parseClass(p: Cursor, start: i32): Words | null {
  let negated = false;
  if (p.peek() == 0x5e) {
    negated = true;
    p.pos++;
  }
  const ranges = new Words(16);
  let first = true;
  while (p.peek() != 0x5d || first) {
    if (p.pos >= p.length) {
      p.fail(MISSING_BRACKET, start);
      return null;
    }
    first = false;
    const itemStart = p.pos;
    if (p.lookingAt2(0x5b, 0x3a)) {
      // [:name:] or [:^name:] up to the next `]`; anything else is literal text.
      const close = p.indexOfBracket(p.pos + 2);
      if (close > p.pos + 2 && p.at(close - 1) == 0x3a) {
        const negatedPosix = p.at(p.pos + 2) == 0x5e;
        const k = posixClass(p, p.pos + (negatedPosix ? 3 : 2), close - 1);
        if (k < 0) {
          p.fail(CLASS_RANGE, itemStart);
          return null;
        }
        ranges.pushAll(negatedPosix ? negateRanges(fixedClass(k)) : fixedClass(k));
        p.pos = close + 1;
        continue;
      }
    }
    if (p.peek() == 0x5c) {
      p.pos++;
      const cls = parseEscapeClass(p, itemStart);
      if (p.error) return null;
      if (cls !== null) {
        ranges.pushAll(cls);
        continue;
      }
      p.pos--;
    }
    const lo = parseClassChar(p, itemStart);
    if (p.error) return null;
    let hi = lo;
    if (p.peek() == 0x2d && p.peekAt(1) != 0x5d && p.peekAt(1) >= 0) {
      p.pos++;
      hi = parseClassChar(p, itemStart);
      if (p.error) return null;
      if (hi < lo) {
        p.fail(CLASS_RANGE, itemStart);
        return null;
      }
    }
    ranges.pushPair(lo, hi);
  }
  p.pos++;
  let result = normalizeRanges(ranges);
  if (p.flags & FOLD) result = foldRanges(result);
  return negated ? negateRanges(result) : result;
}

/** One member of a bracket class: a literal or a single-character escape. */
function parseClassChar(p: Cursor, start: i32): i32 {
  const c = p.at(p.pos++);
  if (c < 0) {
    p.fail(MISSING_BRACKET, start);
    return -1;
  }
  if (c != 0x5c) return c;
  if (p.peek() == 0x62) {
    p.fail(ESCAPE, start);
    return -1;
  }
  return parseEscapeChar(p, start);
}
