// Pike VM (runtime/lib/regex/vm.ts) over UTF-8 text: every thread of the
// program advances in lock step over the text's code points; threads at
// the same pc merge in a sparse set, so a search takes O(text length x
// program size) steps whatever the pattern. Only whether a match exists is
// computed. The program is trusted (the host got it from
// edict_regex_compile), so it is not validated; every loop still advances,
// so no input makes the search run forever.

import { BEGIN_LINE, BEGIN_TEXT, END_LINE, END_TEXT, NOT_WORD_BOUNDARY, OP_ANY, OP_ANY_NOT_NEWLINE, OP_ASSERT, OP_CHAR, OP_CLASS, OP_JUMP, OP_MATCH, OP_SPLIT, WORD_BOUNDARY } from "./program";
import { rangesContain } from "./ranges";
import { codePointOf, decodeAt, encodeAt, widthOf } from "./utf8";
import { isAsciiWordChar } from "./escapes";

const NEWLINE: i32 = 0x0a;
/** No character: before the start or after the end of the text. */
const NONE: i32 = -1;

function assertionHolds(kind: i32, before: i32, after: i32): bool {
  switch (kind) {
    case BEGIN_LINE: return before == NONE || before == NEWLINE;
    case END_LINE: return after == NONE || after == NEWLINE;
    case BEGIN_TEXT: return before == NONE;
    case END_TEXT: return after == NONE;
    case WORD_BOUNDARY: return isAsciiWordChar(before) != isAsciiWordChar(after);
    case NOT_WORD_BOUNDARY: return isAsciiWordChar(before) == isAsciiWordChar(after);
  }
  return false;
}

/** A set of program counters with O(1) insert, lookup and clear; its memory needs no zeroing. */
class SparseSet {
  dense: usize;
  sparse: usize;
  size: i32 = 0;

  constructor(capacity: i32) {
    this.dense = __alloc(<usize>capacity << 2);
    this.sparse = __alloc(<usize>capacity << 2);
  }

  @inline has(pc: u32): bool {
    const i = load<u32>(this.sparse + (<usize>pc << 2));
    return i < <u32>this.size && load<u32>(this.dense + (<usize>i << 2)) == pc;
  }

  @inline add(pc: u32): void {
    store<u32>(this.sparse + (<usize>pc << 2), this.size);
    store<u32>(this.dense + (<usize>this.size << 2), pc);
    this.size++;
  }
}

class Machine {
  /** Explicit stack of addThread; each pc is pushed at most once per call, so `words` entries suffice. */
  stack: usize;

  constructor(public code: usize, public words: i32) {
    this.stack = __alloc(<usize>words << 2);
  }

  @inline op(pc: u32): u32 {
    return load<u32>(this.code + (<usize>pc << 2));
  }

  /**
   * When every thread starting at pc 0 must first consume this one code
   * point (no assertion or MATCH on the way), positions where no thread is
   * alive can be skipped by a byte search for it; otherwise -1.
   */
  requiredFirst(): i32 {
    const seen = new SparseSet(this.words);
    const pending = this.stack;
    let top = 0;
    let first: i32 = -1;
    seen.add(0);
    store<u32>(pending, 0);
    top = 1;
    while (top > 0) {
      const pc = load<u32>(pending + (<usize>(--top) << 2));
      const op = this.op(pc);
      if (op == OP_JUMP || op == OP_SPLIT) {
        const a = this.op(pc + 1);
        if (!seen.has(a)) {
          seen.add(a);
          store<u32>(pending + (<usize>(top++) << 2), a);
        }
        if (op == OP_SPLIT) {
          const b = this.op(pc + 2);
          if (!seen.has(b)) {
            seen.add(b);
            store<u32>(pending + (<usize>(top++) << 2), b);
          }
        }
      } else if (op == OP_CHAR && (first == -1 || first == <i32>this.op(pc + 1))) {
        first = <i32>this.op(pc + 1);
      } else {
        return -1;
      }
    }
    // A surrogate code point (from \x{D800}) never occurs in UTF-8 text; no skipping for it.
    return first >= 0xd800 && first <= 0xdfff ? -1 : first;
  }

  /** Adds pc0 and everything reachable from it without consuming input; true on MATCH. */
  addThread(list: SparseSet, pc0: u32, before: i32, after: i32): bool {
    if (list.has(pc0)) return false;
    const stack = this.stack;
    list.add(pc0);
    let top = 0;
    store<u32>(stack, pc0);
    top = 1;
    while (top > 0) {
      const pc = load<u32>(stack + (<usize>(--top) << 2));
      const op = this.op(pc);
      if (op == OP_MATCH) return true;
      let a: i32 = -1;
      let b: i32 = -1;
      if (op == OP_JUMP) a = <i32>this.op(pc + 1);
      else if (op == OP_SPLIT) {
        a = <i32>this.op(pc + 1);
        b = <i32>this.op(pc + 2);
      } else if (op == OP_ASSERT && assertionHolds(<i32>this.op(pc + 1), before, after)) a = <i32>pc + 2;
      if (b >= 0 && !list.has(b)) {
        list.add(b);
        store<u32>(stack + (<usize>(top++) << 2), b);
      }
      if (a >= 0 && !list.has(a)) {
        list.add(a);
        store<u32>(stack + (<usize>(top++) << 2), a);
      }
    }
    return false;
  }

  run(text: usize, length: i32): bool {
    const end = text + <usize>length;
    // A program that opens with \A can only start at position 0.
    const anchored = this.words >= 2 && this.op(0) == OP_ASSERT && this.op(1) == <u32>BEGIN_TEXT;
    const required = anchored ? -1 : this.requiredFirst();
    // The UTF-8 bytes of the required code point.
    const needle = __alloc(4);
    const needleLength = required >= 0 ? encodeAt(<u32>required, needle) : 0;
    let current = new SparseSet(this.words);
    let next = new SparseSet(this.words);
    let before = NONE;
    let i = 0;
    for (;;) {
      if (needleLength > 0 && current.size == 0) {
        // No thread alive: jump to the next place the required code point
        // starts. `before` goes stale, harmlessly: no assertion precedes it.
        i = find(text, length, i, needle, needleLength);
        if (i < 0) return false;
      }
      let cur = NONE;
      let width = 0;
      if (i < length) {
        const d = decodeAt(text + <usize>i, end);
        cur = codePointOf(d);
        width = widthOf(d);
      }
      if (!anchored || i == 0) {
        if (this.addThread(current, 0, before, cur)) return true;
      } else if (current.size == 0) {
        return false;
      }
      if (cur == NONE) return false;
      const after = i + width < length ? codePointOf(decodeAt(text + <usize>(i + width), end)) : NONE;
      for (let k = 0; k < current.size; k++) {
        const pc = load<u32>(current.dense + (<usize>k << 2));
        let target: i32 = -1;
        switch (this.op(pc)) {
          case OP_CHAR:
            if (<i32>this.op(pc + 1) == cur) target = <i32>pc + 2;
            break;
          case OP_CLASS: {
            const count = <i32>this.op(pc + 1);
            if (rangesContain(this.code + (<usize>(pc + 2) << 2), count, <u32>cur)) target = <i32>pc + 2 + 2 * count;
            break;
          }
          case OP_ANY:
            target = <i32>pc + 1;
            break;
          case OP_ANY_NOT_NEWLINE:
            if (cur != NEWLINE) target = <i32>pc + 1;
            break;
        }
        if (target >= 0 && this.addThread(next, target, cur, after)) return true;
      }
      const done = current;
      current = next;
      next = done;
      next.size = 0;
      before = cur;
      i += width;
    }
    return false; // not reached: the loop returns at the end of the text
  }
}

/** Byte index of the first occurrence of the needle at or after `from`, or -1. */
function find(text: usize, length: i32, from: i32, needle: usize, needleLength: i32): i32 {
  const lead = load<u8>(needle);
  const last = length - needleLength;
  for (let j = from; j <= last; j++) {
    if (load<u8>(text + <usize>j) != lead) continue;
    let k = 1;
    while (k < needleLength && load<u8>(text + <usize>(j + k)) == load<u8>(needle + <usize>k)) k++;
    if (k == needleLength) return j;
  }
  return -1;
}

/** Whether the program of `words` u32 at `code` matches anywhere in the UTF-8 text. */
export function search(code: usize, words: i32, text: usize, length: i32): bool {
  if (words <= 0) return false;
  return new Machine(code, words).run(text, length);
}
