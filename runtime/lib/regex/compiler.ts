// Thompson construction: the tree of ast.ts becomes the flat program of
// program.ts. Counted repetitions are unrolled (x{2,4} = x x (x (x)?)?), so
// the program size is bounded by MAX_PROGRAM_WORDS rather than by the
// pattern: (a{1000}){1000} is refused instead of allocating a million states.

import type { RegexNode } from "./ast.js";
import { MAX_PROGRAM_WORDS, Op } from "./program.js";

export class ProgramTooLargeError extends Error {}

export function compileNode(root: RegexNode): Uint32Array {
  const c = new Compiler();
  c.emitNode(root);
  c.emit(Op.Match);
  return Uint32Array.from(c.code);
}

class Compiler {
  readonly code: number[] = [];

  emit(...words: number[]): number {
    const at = this.code.length;
    if (at + words.length > MAX_PROGRAM_WORDS) {
      throw new ProgramTooLargeError(`regular expression too large (compiled program over ${MAX_PROGRAM_WORDS} words)`);
    }
    this.code.push(...words);
    return at;
  }

  /** Emits SPLIT with the preferred branch first; returns its address. */
  private split(greedy: boolean, next: number, other: number): number {
    return greedy ? this.emit(Op.Split, next, other) : this.emit(Op.Split, other, next);
  }

  /** Points the non-fallthrough operand of a SPLIT at `target`. */
  private patchSplit(at: number, greedy: boolean, target: number): void {
    this.code[at + (greedy ? 2 : 1)] = target;
  }

  emitNode(node: RegexNode): void {
    switch (node.kind) {
      case "empty":
        return;
      case "char":
        this.emit(Op.Char, node.cp);
        return;
      case "class":
        this.emit(Op.Class, node.ranges.length / 2, ...node.ranges);
        return;
      case "any":
        this.emit(node.newline ? Op.Any : Op.AnyNotNewline);
        return;
      case "assert":
        this.emit(Op.Assert, node.assertion);
        return;
      case "concat":
        for (const item of node.items) this.emitNode(item);
        return;
      case "alternate":
        this.emitAlternate(node.items);
        return;
      case "repeat":
        this.emitRepeat(node.node, node.min, node.max, node.greedy);
        return;
    }
  }

  private emitAlternate(items: RegexNode[]): void {
    const jumpsToEnd: number[] = [];
    for (let i = 0; i < items.length - 1; i++) {
      const split = this.emit(Op.Split, 0, 0);
      this.code[split + 1] = this.code.length;
      this.emitNode(items[i]!);
      jumpsToEnd.push(this.emit(Op.Jump, 0));
      this.code[split + 2] = this.code.length;
    }
    this.emitNode(items[items.length - 1]!);
    for (const j of jumpsToEnd) this.code[j + 1] = this.code.length;
  }

  private emitRepeat(body: RegexNode, min: number, max: number, greedy: boolean): void {
    if (max === -1) {
      if (min === 0) {
        // L: SPLIT body, out; body; JMP L
        const loop = this.split(greedy, 0, 0);
        this.code[loop + (greedy ? 1 : 2)] = this.code.length;
        this.emitNode(body);
        this.emit(Op.Jump, loop);
        this.patchSplit(loop, greedy, this.code.length);
        return;
      }
      for (let i = 0; i < min - 1; i++) this.emitNode(body);
      // L: body; SPLIT L, out
      const top = this.code.length;
      this.emitNode(body);
      const split = this.split(greedy, top, 0);
      this.patchSplit(split, greedy, this.code.length);
      return;
    }
    for (let i = 0; i < min; i++) this.emitNode(body);
    // (body (body (...)?)?)? — every optional copy can skip to the end.
    const skips: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.split(greedy, 0, 0);
      this.code[split + (greedy ? 1 : 2)] = this.code.length;
      skips.push(split);
      this.emitNode(body);
    }
    for (const s of skips) this.patchSplit(s, greedy, this.code.length);
  }
}
