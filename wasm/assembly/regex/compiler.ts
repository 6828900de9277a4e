// Thompson construction (runtime/lib/regex/compiler.ts): the tree of ast.ts
// becomes the flat program of program.ts, word for word what the
// JavaScript compiler emits. Counted repetitions are unrolled; past
// MAX_PROGRAM_WORDS the compiler sets `tooLarge` and stops emitting (the
// JavaScript one throws at the same point; the message has no position, so
// only the fact matters). The work is linear in the program's size as well:
// silent nodes (ast.ts) cost one visit, x{1} has no node of its own, and a
// visit that emits no word of its own allocates nothing.

import { ALTERNATE, ANY, ASSERT, CHAR, CLASS, CONCAT, Node, REPEAT } from "./ast";
import { MAX_PROGRAM_WORDS, OP_ANY, OP_ANY_NOT_NEWLINE, OP_ASSERT, OP_CHAR, OP_CLASS, OP_JUMP, OP_MATCH, OP_SPLIT } from "./program";
import { Words } from "./words";

export class Compiler {
  code: Words = new Words(64);
  tooLarge: bool = false;

  /** Whether `count` more words fit; once one emit did not fit, none does. */
  private room(count: i32): bool {
    if (this.tooLarge || this.code.length + count > MAX_PROGRAM_WORDS) this.tooLarge = true;
    return !this.tooLarge;
  }

  /** Emits one word; returns its address. */
  emit1(a: u32): i32 {
    const at = this.code.length;
    if (this.room(1)) this.code.push(a);
    return at;
  }

  private emit2(a: u32, b: u32): i32 {
    const at = this.code.length;
    if (this.room(2)) this.code.pushPair(a, b);
    return at;
  }

  private emit3(a: u32, b: u32, c: u32): i32 {
    const at = this.code.length;
    if (this.room(3)) {
      this.code.pushPair(a, b);
      this.code.push(c);
    }
    return at;
  }

  /** Emits SPLIT with the preferred branch first; returns its address. */
  private split(greedy: bool, next: i32, other: i32): i32 {
    return greedy ? this.emit3(OP_SPLIT, next, other) : this.emit3(OP_SPLIT, other, next);
  }

  /** Points the operand of a SPLIT that is not the body (the way out) at `target`. */
  private patchSplit(at: i32, greedy: bool, target: i32): void {
    this.code.set(at + (greedy ? 2 : 1), target);
  }

  /** Points the operand of a SPLIT that enters the body at the next word. */
  private patchBody(at: i32, greedy: bool): void {
    this.code.set(at + (greedy ? 1 : 2), this.code.length);
  }

  emitNode(node: Node): void {
    if (this.tooLarge || node.silent) return;
    switch (node.kind) {
      case CHAR:
        this.emit2(OP_CHAR, node.value);
        return;
      case CLASS: {
        const ranges = node.ranges!;
        if (!this.room(2 + ranges.length)) return;
        this.code.pushPair(OP_CLASS, ranges.length >> 1);
        this.code.pushAll(ranges);
        return;
      }
      case ANY:
        this.emit1(node.value ? OP_ANY : OP_ANY_NOT_NEWLINE);
        return;
      case ASSERT:
        this.emit2(OP_ASSERT, node.value);
        return;
      case CONCAT: {
        let item = node.first;
        while (item !== null && !this.tooLarge) {
          this.emitNode(item);
          item = item.next;
        }
        return;
      }
      case ALTERNATE:
        this.emitAlternate(node.first!);
        return;
      case REPEAT:
        this.emitRepeat(node.first!, node.min, node.max, node.greedy);
        return;
    }
    // EMPTY emits nothing.
  }

  private emitAlternate(first: Node): void {
    const jumpsToEnd = new Words(8);
    let item = first;
    while (item.next !== null) {
      const split = this.emit3(OP_SPLIT, 0, 0);
      this.code.set(split + 1, this.code.length);
      this.emitNode(item);
      jumpsToEnd.push(this.emit2(OP_JUMP, 0));
      this.code.set(split + 2, this.code.length);
      if (this.tooLarge) return;
      item = item.next!;
    }
    this.emitNode(item);
    for (let i = 0; i < jumpsToEnd.length; i++) this.code.set(jumpsToEnd.get(i) + 1, this.code.length);
  }

  /** `count` copies of `body`; none at all when the body emits nothing (the loop would be all cost). */
  private emitCopies(body: Node, count: i32): void {
    if (body.silent) return;
    for (let i = 0; i < count && !this.tooLarge; i++) this.emitNode(body);
  }

  private emitRepeat(body: Node, min: i32, max: i32, greedy: bool): void {
    if (max == -1) {
      if (min == 0) {
        // L: SPLIT body, out; body; JMP L
        const loop = this.split(greedy, 0, 0);
        this.patchBody(loop, greedy);
        this.emitNode(body);
        this.emit2(OP_JUMP, loop);
        this.patchSplit(loop, greedy, this.code.length);
        return;
      }
      this.emitCopies(body, min - 1);
      // L: body; SPLIT L, out
      const top = this.code.length;
      this.emitNode(body);
      const split = this.split(greedy, top, 0);
      this.patchSplit(split, greedy, this.code.length);
      return;
    }
    this.emitCopies(body, min);
    if (max == min) return; // no allocation for a visit that may emit no word of its own
    // (body (body (...)?)?)? — every optional copy can skip to the end.
    const skips = new Words(max - min);
    for (let i = min; i < max && !this.tooLarge; i++) {
      const split = this.split(greedy, 0, 0);
      this.patchBody(split, greedy);
      skips.push(split);
      this.emitNode(body);
    }
    for (let i = 0; i < skips.length; i++) this.patchSplit(skips.get(i), greedy, this.code.length);
  }
}
