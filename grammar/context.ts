// State shared while one file (or one bare expression) is turned into an AST:
// the node id counter (unique per file, shared by expressions, declarations
// and template holes), the diagnostics, and CST access helpers.

import type { CstElement, CstNode, IToken } from "chevrotain";
import { DiagnosticCollector, type Span } from "../compiler/diagnostics.js";

/** CEL's default recursion limit; deeper trees are rejected before any later stage walks them. */
export const MAX_DEPTH = 250;

export class BuildContext {
  private nextId = 1;
  readonly diagnostics: DiagnosticCollector;

  constructor(
    readonly file: string,
    readonly source: string,
  ) {
    this.diagnostics = new DiagnosticCollector(file);
  }

  id(): number {
    return this.nextId++;
  }

  error(code: string, span: Span, message: string, help?: string): void {
    this.diagnostics.error(code, clampSpan(span, this.source.length), message, help);
  }

  private lineStarts: number[] | null = null;

  /** 1-based line of an offset, for messages such as "the rule started at line 3" (binary search). */
  lineOf(offset: number): number {
    if (this.lineStarts === null) {
      this.lineStarts = [0];
      for (let i = 0; i < this.source.length; i++) if (this.source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Where an offset is, for messages: "at line 3", or "at column 5" when the source is one line. */
  where(offset: number): string {
    this.lineOf(0);
    if (this.lineStarts!.length === 1) return `at column ${offset + 1}`;
    return `at line ${this.lineOf(offset)}`;
  }
}

export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(Number.isFinite(span.start) ? span.start : length, length));
  const end = Math.max(start, Math.min(Number.isFinite(span.end) ? span.end : length, length));
  return { start, end };
}

// ---------------------------------------------------------------- CST access

export function children(node: CstNode, key: string): CstElement[] {
  return node.children[key] ?? [];
}

export function subnodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []) as CstNode[];
}

export function subnode(node: CstNode, key: string): CstNode | undefined {
  return node.children[key]?.[0] as CstNode | undefined;
}

export function tokensOf(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []) as IToken[];
}

export function tokenOf(node: CstNode, key: string): IToken | undefined {
  return node.children[key]?.[0] as IToken | undefined;
}

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** The extent of a CST node, parentheses included (end exclusive). */
export function nodeSpan(node: CstNode): Span {
  const loc = node.location!;
  return { start: loc.startOffset, end: (loc.endOffset ?? loc.startOffset) + 1 };
}
