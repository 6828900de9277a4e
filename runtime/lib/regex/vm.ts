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

/** Per-program working memory, reused across searches (a search never re-enters). */
class Machine {
  current: SparseSet;
  next: SparseSet;
  readonly stack: Int32Array;
  steps = 0;

  /**
   * When every thread starting at pc 0 must first consume this one code
   * point (no assertion or MATCH on the way), positions where no thread is
   * alive can be skipped with indexOf; otherwise -1.
   */
  readonly requiredFirst: number;

  constructor(readonly code: Uint32Array) {
    this.current = new SparseSet(code.length);
    this.next = new SparseSet(code.length);
    this.stack = new Int32Array(code.length);
    this.requiredFirst = this.findRequiredFirst();
  }

  private findRequiredFirst(): number {
    const code = this.code;
    const seen = new SparseSet(code.length);
    const pending = [0];
    let first = -1;
    while (pending.length > 0) {
      const pc = pending.pop()!;
      if (seen.has(pc)) continue;
      seen.add(pc);
      const op = code[pc];
      if (op === Op.Jump) pending.push(code[pc + 1]!);
      else if (op === Op.Split) pending.push(code[pc + 1]!, code[pc + 2]!);
      else if (op === Op.Char && (first === -1 || first === code[pc + 1])) first = code[pc + 1]!;
      else return -1;
    }
    // U+FFFD also stands for lone surrogates, which indexOf would not find.
    return first === 0xfffd || (first >= 0xd800 && first <= 0xdfff) ? -1 : first;
  }

  /** Adds pc0 and everything reachable from it without consuming input; true on MATCH. */
  addThread(list: SparseSet, pc0: number, before: number, after: number): boolean {
    if (list.has(pc0)) return false;
    const code = this.code;
    const stack = this.stack;
    list.add(pc0);
    let top = 0;
    stack[top++] = pc0;
    while (top > 0) {
      const pc = stack[--top]!;
      this.steps++;
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
  }

  run(text: string): boolean {
    const code = this.code;
    // A program that opens with \A can only start at position 0.
    const anchored = code[0] === Op.Assert && code[1] === Assertion.BeginText;
    this.current.size = 0;
    this.next.size = 0;
    this.steps = 0;
    const skipTo = this.requiredFirst >= 0 && !anchored ? String.fromCodePoint(this.requiredFirst) : "";
    let before = NONE;
    let i = 0;
    for (;;) {
      if (skipTo !== "" && this.current.size === 0) {
        const found = text.indexOf(skipTo, i);
        if (found < 0) return false;
        i = found;
      }
      const cur = codePointAt(text, i);
      if (!anchored || i === 0) {
        if (this.addThread(this.current, 0, before, cur)) return true;
      } else if (this.current.size === 0) {
        return false;
      }
      if (cur === NONE) return false;
      const width = cur > 0xffff ? 2 : 1;
      const after = codePointAt(text, i + width);
      const list = this.current;
      for (let k = 0; k < list.size; k++) {
        const pc = list.dense[k]!;
        this.steps++;
        let next = -1;
        switch (code[pc]) {
          case Op.Char:
            if (code[pc + 1] === cur) next = pc + 2;
            break;
          case Op.Class:
            if (rangesContain(code, pc + 2, code[pc + 1]!, cur)) next = pc + 2 + 2 * code[pc + 1]!;
            break;
          case Op.Any:
            next = pc + 1;
            break;
          case Op.AnyNotNewline:
            if (cur !== NEWLINE) next = pc + 1;
            break;
        }
        if (next >= 0 && this.addThread(this.next, next, cur, after)) return true;
      }
      this.current = this.next;
      this.next = list;
      list.size = 0;
      before = cur;
      i += width;
    }
  }
}

const machines = new WeakMap<Uint32Array, Machine>();

/** Runs `code` as an unanchored search over `text`. */
export function runProgram(code: Uint32Array, text: string): SearchOutcome {
  let machine = machines.get(code);
  if (machine === undefined) machines.set(code, (machine = new Machine(code)));
  const matched = machine.run(text);
  return { matched, steps: machine.steps };
}
