// Test helpers: parse and check a policy or an expression, and show
// diagnostics as `code line:column message` lines (1-based, as users see them).

import { checkExpression, checkPolicy } from "../../compiler/check/index.js";
import type { CheckedExpr, CheckedPolicy } from "../../compiler/check/checked.js";
import { LineMap, toPublicDiagnostic, type RawDiagnostic } from "../../compiler/diagnostics.js";
import { T, typeToString, type Type } from "../../compiler/types.js";
import { parseExpression, parsePolicy } from "../../grammar/index.js";

export interface Shown {
  code: string;
  at: string;
  message: string;
  help?: string;
}

export function show(diagnostics: RawDiagnostic[], source: string): Shown[] {
  const lines = new LineMap(source);
  return diagnostics.map((d) => {
    const p = toPublicDiagnostic(d, lines);
    return { code: d.code, at: `${p.line}:${p.column}`, message: d.message, ...(d.help ? { help: d.help } : {}) };
  });
}

export function checkSource(source: string): { checked: CheckedPolicy | null; diagnostics: Shown[] } {
  const parsed = parsePolicy("test.edict", source);
  const parseErrors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (parseErrors.length > 0 || !parsed.ast) throw new Error(`parse error: ${parseErrors.map((d) => d.message).join("; ")}`);
  const { checked, diagnostics } = checkPolicy(parsed.ast, source);
  return { checked, diagnostics: show(diagnostics, source) };
}

/** A policy header plus the given lines. */
export function policy(...lines: string[]): string {
  return ["policy test.p", ...lines].join("\n") + "\n";
}

export function checkExpr(source: string, env: Record<string, Type> = {}): { checked: CheckedExpr | null; type: string; diagnostics: Shown[] } {
  const parsed = parseExpression(source);
  if (!parsed.expr || parsed.diagnostics.some((d) => d.severity === "error")) throw new Error(`parse error in ${source}`);
  const { checked, diagnostics } = checkExpression(parsed.expr, env);
  return { checked, type: checked ? typeToString(checked.type) : "error", diagnostics: show(diagnostics, source) };
}

/** A record type spelled out, nested records included (typeToString stops at names). */
export function shape(t: Type): string {
  switch (t.kind) {
    case "record":
      return `{ ${[...t.fields].map(([n, f]) => `${n}${f.optional ? "?" : ""}: ${shape(f.type)}`).join(", ")} }`;
    case "list":
      return `list<${shape(t.elem)}>`;
    case "map":
      return `map<${shape(t.key)}, ${shape(t.value)}>`;
    case "optional":
      return `optional<${shape(t.inner)}>`;
    default:
      return typeToString(t);
  }
}

export { T };
