// The dependency graph between lets, consts and fns, and its cycles. Edges
// are recorded while checking (each reference or call, with its span); a
// cycle is reported once, at the reference that closes it.

import type { Span } from "../ast.js";
import type { DiagnosticCollector } from "../diagnostics.js";
import { CODES } from "./codes.js";

/** `let:x`, `const:x` or `fn:x`. */
export type NodeKey = string;

export class DependencyGraph {
  private readonly edges = new Map<NodeKey, { to: NodeKey; span: Span }[]>();

  add(from: NodeKey, to: NodeKey, span: Span): void {
    let list = this.edges.get(from);
    if (!list) this.edges.set(from, (list = []));
    if (!list.some((e) => e.to === to)) list.push({ to, span });
  }

  reportCycles(diagnostics: DiagnosticCollector): void {
    const state = new Map<NodeKey, "active" | "done">();
    const stack: NodeKey[] = [];
    const reported = new Set<string>();
    const visit = (node: NodeKey): void => {
      state.set(node, "active");
      stack.push(node);
      for (const edge of this.edges.get(node) ?? []) {
        const s = state.get(edge.to);
        if (s === "active") {
          const cycle = stack.slice(stack.indexOf(edge.to));
          const key = [...cycle].sort().join(",");
          if (!reported.has(key)) {
            reported.add(key);
            report(diagnostics, [...cycle, edge.to], edge.span);
          }
        } else if (s === undefined) {
          visit(edge.to);
        }
      }
      stack.pop();
      state.set(node, "done");
    };
    for (const node of [...this.edges.keys()].sort()) if (!state.has(node)) visit(node);
  }
}

function show(key: NodeKey): string {
  const [kind, name] = key.split(":");
  return `${kind} ${name}`;
}

function report(diagnostics: DiagnosticCollector, path: NodeKey[], span: Span): void {
  const allFns = path.every((k) => k.startsWith("fn:"));
  const first = path[0]!;
  const what =
    path.length === 2
      ? `${show(first)} ${first.startsWith("fn:") ? "calls" : "refers to"} itself`
      : `${allFns ? "functions call each other in a cycle" : "declarations refer to each other in a cycle"}: ${path.map(show).join(" -> ")}`;
  diagnostics.error(
    CODES.recursion,
    span,
    `recursion is not allowed: ${what}`,
    allFns ? "rewrite with a comprehension (all, exists, map, filter) instead of recursion" : "break the cycle: one of these values must be computed without the others",
  );
}
