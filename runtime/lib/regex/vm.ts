// Pike VM: simulates every thread of the program in lock step over the
// text's code points. Each position visits each instruction at most once
// (threads at the same pc are merged through a sparse set), so a search
// takes O(text length x program size) steps whatever the pattern —
// (a*)*b over "aaaa..." included. Only whether a match exists is computed,
// so thread priority (greedy vs lazy) does not matter here.
//
// The loop uses typed arrays and no recursion or closures, so it ports
// line for line to AssemblyScript.

import { Assertion, Op } from "./program.js";
import { rangesContain } from "./ranges.js";

const NEWLINE = 0x0a;
/** No character: before the start or after the end of the text. */
const NONE = -1;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function assertionHolds(kind: number, before: number, after: number): boolean {
  switch (kind) {
    case Assertion.BeginLine:
      return before === NONE || before === NEWLINE;
    case Assertion.EndLine:
      return after === NONE || after === NEWLINE;
    case Assertion.BeginText:
      return before === NONE;
    case Assertion.EndText:
      return after === NONE;
    case Assertion.WordBoundary:
      return isWordChar(before) !== isWordChar(after);
    case Assertion.NotWordBoundary:
      return isWordChar(before) === isWordChar(after);
    default:
      return false;
  }
}

/** A set of program counters with O(1) insert, lookup and clear. */
class SparseSet {
  readonly dense: Int32Array;
  readonly sparse: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.dense = new Int32Array(capacity);
    this.sparse = new Int32Array(capacity);
  }
  has(pc: number): boolean {
    const i = this.sparse[pc]!;
    return i < this.size && this.dense[i] === pc;
  }
  add(pc: number): void {
    this.sparse[pc] = this.size;
    this.dense[this.size++] = pc;
  }
}

export interface SearchOutcome {
  matched: boolean;
  /** Instructions visited: the VM's unit of work (bounded by (n + 1) x 2 x program size). */
  steps: number;
}

/** Code point at UTF-16 index i (a lone surrogate reads as U+FFFD), or NONE at the end. */
function codePointAt(text: string, i: number): number {
  if (i >= text.length) return NONE;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
}

/** Runs `code` as an unanchored search over `text`. */
export function runProgram(code: Uint32Array, text: string): SearchOutcome {
  const size = code.length;
  let current = new SparseSet(size);
  let next = new SparseSet(size);
  const stack = new Int32Array(size);
  let steps = 0;
  // A program that opens with \A can only start at position 0.
  const anchored = code[0] === Op.Assert && code[1] === Assertion.BeginText;

  /** Adds pc and everything reachable from it without consuming input. */
  const addThread = (list: SparseSet, pc0: number, before: number, after: number): boolean => {
    if (list.has(pc0)) return false;
    list.add(pc0);
    let top = 0;
    stack[top++] = pc0;
    while (top > 0) {
      const pc = stack[--top]!;
      steps++;
      const op = code[pc];
      let a = -1;
      let b = -1;
      if (op === Op.Match) return true;
      if (op === Op.Jump) a = code[pc + 1]!;
      else if (op === Op.Split) {
        a = code[pc + 1]!;
        b = code[pc + 2]!;
      } else if (op === Op.Assert && assertionHolds(code[pc + 1]!, before, after)) a = pc + 2;
      if (b >= 0 && !list.has(b)) {
        list.add(b);
        stack[top++] = b;
      }
      if (a >= 0 && !list.has(a)) {
        list.add(a);
        stack[top++] = a;
      }
    }
    return false;
  };

  let before = NONE;
  let i = 0;
  for (;;) {
    const cur = codePointAt(text, i);
    const width = cur > 0xffff ? 2 : 1;
    if (!anchored || i === 0) {
      if (addThread(current, 0, before, cur)) return { matched: true, steps };
    } else if (current.size === 0) {
      return { matched: false, steps };
    }
    if (cur === NONE) return { matched: false, steps };
    const after = codePointAt(text, i + width);
    for (let k = 0; k < current.size; k++) {
      const pc = current.dense[k]!;
      steps++;
      let ok = false;
      let width2 = 0;
      switch (code[pc]) {
        case Op.Char:
          ok = code[pc + 1] === cur;
          width2 = 2;
          break;
        case Op.Class:
          ok = rangesContain(code, pc + 2, code[pc + 1]!, cur);
          width2 = 2 + 2 * code[pc + 1]!;
          break;
        case Op.Any:
          ok = true;
          width2 = 1;
          break;
        case Op.AnyNotNewline:
          ok = cur !== NEWLINE;
          width2 = 1;
          break;
      }
      if (ok && addThread(next, pc + width2, cur, after)) return { matched: true, steps };
    }
    const swap = current;
    current = next;
    next = swap;
    next.size = 0;
    before = cur;
    i += width;
  }
}
