// Thompson construction: the tree of ast.ts becomes the flat program of
// program.ts. Counted repetitions are unrolled (x{2,4} = x x (x (x)?)?), so
// the program size is bounded by MAX_PROGRAM_WORDS rather than by the
// pattern: (a{1000}){1000} is refused instead of allocating a million states.
//
// The work is linear in the program's size too, not only its memory: the
// tree is first pruned (`prune`) of what emits nothing, so every copy the
// unrolling visits emits at least one word. Otherwise ((?:){1000}){1000}
// would loop a million times to emit nothing, and (?:(?:){0}(?:){0}...a)
// or ((a){1}){1}... nested deep would visit many nodes for each word.

import type { RegexNode } from "./ast.js";
import { MAX_PROGRAM_WORDS, Op } from "./program.js";

export class ProgramTooLargeError extends Error {}

export function compileNode(root: RegexNode): Uint32Array {
  return compileNodeCounted(root).code;
}

/**
 * compileNode, plus `visits`: how many nodes the emitter visited (prune's
 * single pass over the tree not included). Tests bound it by the program's
 * size, as search tests bound VM steps by the text's.
 */
export function compileNodeCounted(root: RegexNode): { code: Uint32Array; visits: number } {
  const c = new Compiler();
  c.emitNode(prune(root) ?? EMPTY);
  c.emit(Op.Match);
  return { code: Uint32Array.from(c.code), visits: c.visits };
}

const EMPTY: RegexNode = { kind: "empty" };

/**
 * The same program words from a tree where nothing is silent (compiles to no
 * instruction), or null when all of `node` is: empty, x{0}, (?:){5}, a
 * concatenation of silent items. Silent items leave their concatenation,
 * x{1} becomes x, a silent repeated body becomes `empty` (and its copies are
 * skipped), a silent alternative stays as `empty` (its SPLIT and JMP remain).
 * Then a node that emits no word itself (a concatenation, x{n} for n >= 2)
 * has at least two children that do, and an `empty` child only sits under a
 * SPLIT, so compiling visits a number of nodes linear in the words it emits.
 * Each node of the parsed tree is visited once here.
 */
function prune(node: RegexNode): RegexNode | null {
  switch (node.kind) {
    case "empty":
      return null;
    case "concat": {
      const items: RegexNode[] = [];
      for (const item of node.items) {
        const kept = prune(item);
        if (kept !== null) items.push(kept);
      }
      if (items.length === 0) return null;
      return items.length === 1 ? items[0]! : { kind: "concat", items };
    }
    case "alternate":
      return { kind: "alternate", items: node.items.map((item) => prune(item) ?? EMPTY) };
    case "repeat": {
      const body = prune(node.node);
      if (node.min === node.max && (node.min === 0 || body === null)) return null;
      if (node.min === 1 && node.max === 1) return body;
      return { ...node, node: body ?? EMPTY };
    }
    default:
      return node;
  }
}

class Compiler {
  readonly code: number[] = [];
  visits = 0;

  emit(...words: number[]): number {
    return this.emitAll(words);
  }

  /** Appends `words`; returns the address of the first. */
  emitAll(words: readonly number[]): number {
    const at = this.code.length;
    if (at + words.length > MAX_PROGRAM_WORDS) {
      throw new ProgramTooLargeError(`regular expression too large (compiled program over ${MAX_PROGRAM_WORDS} words)`);
    }
    for (const word of words) this.code.push(word);
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
    this.visits++;
    switch (node.kind) {
      case "empty":
        return;
      case "char":
        this.emit(Op.Char, node.cp);
        return;
      case "class":
        // Not emit(...ranges): a class may hold more ranges than an argument list can.
        this.emitAll([Op.Class, node.ranges.length / 2]);
        this.emitAll(node.ranges);
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

  /** `count` copies of `body`; none at all for an `empty` body (prune left it: the loop would be all cost). */
  private emitCopies(body: RegexNode, count: number): void {
    if (body.kind === "empty") return;
    for (let i = 0; i < count; i++) this.emitNode(body);
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
      this.emitCopies(body, min - 1);
      // L: body; SPLIT L, out
      const top = this.code.length;
      this.emitNode(body);
      const split = this.split(greedy, top, 0);
      this.patchSplit(split, greedy, this.code.length);
      return;
    }
    this.emitCopies(body, min);
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
