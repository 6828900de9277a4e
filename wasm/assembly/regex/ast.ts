// The parsed form of a pattern with flags applied (runtime/lib/regex/ast.ts).
// One node class for every kind keeps the code small; items of a concat or
// alternation are linked through `next`, so no Array is needed.

import { Words } from "./words";

export const EMPTY: i32 = 0;
export const CHAR: i32 = 1;
export const CLASS: i32 = 2;
export const ANY: i32 = 3;
export const ASSERT: i32 = 4;
export const CONCAT: i32 = 5;
export const ALTERNATE: i32 = 6;
export const REPEAT: i32 = 7;

export class Node {
  kind: i32;
  /** CHAR: the code point; ASSERT: the assertion kind; ANY: 1 when it also matches "\n". */
  value: i32 = 0;
  /** REPEAT bounds; max -1 means unbounded. */
  min: i32 = 0;
  max: i32 = 0;
  greedy: bool = true;
  /** CLASS: normalized ranges. */
  ranges: Words | null = null;
  /** CONCAT, ALTERNATE: the first item; REPEAT: the repeated node. */
  first: Node | null = null;
  /** The next item of the enclosing CONCAT or ALTERNATE. */
  next: Node | null = null;
  /**
   * Compiles to no instruction at all (EMPTY, x{0}, (?:){5}, ...). The
   * compiler skips copies of such a body and returns at once from such a
   * node, and the parser leaves such items out of a concatenation:
   * ((?:){1000}){1000} would otherwise loop a million times to emit nothing,
   * and (?:(?:){0}(?:){0}...a){1000} visit every silent item per copy.
   */
  silent: bool = false;

  constructor(kind: i32) {
    this.kind = kind;
    this.silent = kind == EMPTY;
  }
}

export function leaf(kind: i32, value: i32): Node {
  const n = new Node(kind);
  n.value = value;
  return n;
}

export function classNode(ranges: Words): Node {
  // A class of one code point is that character (parser.ts's classNode).
  if (ranges.length == 2 && ranges.get(0) == ranges.get(1)) return leaf(CHAR, <i32>ranges.get(0));
  const n = new Node(CLASS);
  n.ranges = ranges;
  return n;
}

export function repeatNode(body: Node, min: i32, max: i32, greedy: bool): Node {
  // x{1} compiles to x: without a node of its own, ((a){1}){1}... nested
  // deep costs the compiler no visit per level for every copy of it.
  if (min == 1 && max == 1) return body;
  const n = new Node(REPEAT);
  n.first = body;
  n.min = min;
  n.max = max;
  n.greedy = greedy;
  n.silent = max == min && (min == 0 || body.silent);
  return n;
}

/** Items of a concat or alternation being collected. */
export class NodeList {
  first: Node | null = null;
  last: Node | null = null;
  count: i32 = 0;
  allSilent: bool = true;

  add(n: Node): void {
    const last = this.last;
    if (last === null) this.first = n;
    else last.next = n;
    this.last = n;
    this.count++;
    if (!n.silent) this.allSilent = false;
  }

  /** EMPTY for no item, the item itself for one, else a node of `kind`. */
  build(kind: i32): Node {
    if (this.count == 0) return new Node(EMPTY);
    if (this.count == 1) return this.first!;
    const n = new Node(kind);
    n.first = this.first;
    n.silent = kind == CONCAT && this.allSilent;
    return n;
  }
}
