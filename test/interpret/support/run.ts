// One-liners for interpreter tests: source text -> checked policy -> decision,
// with the real builtins registry (entry.ts with the lookup passed explicitly).

import { checkExpression } from "../../../compiler/check/index.js";
import type { CheckedPolicy } from "../../../compiler/check/checked.js";
import * as entry from "../../../compiler/interpret/entry.js";
import type { InterpretOptions } from "../../../compiler/interpret/entry.js";
import type { Type } from "../../../compiler/types.js";
import type { CelValue } from "../../../compiler/values.js";
import { parseExpression } from "../../../grammar/index.js";
import type { PolicyDecision } from "../../../runtime/types.js";
import { getBuiltin } from "../../../compiler/interpret/builtins/registry.js";
import { checkedPolicy } from "../../support/checked-policy.js";

export const NOW = "2026-11-23T10:00:00Z";

export function compile(source: string): CheckedPolicy {
  return checkedPolicy(source);
}

export function decide(source: string, input: unknown, options: InterpretOptions = {}): PolicyDecision {
  // A frozen clock unless a test brings its own: results never depend on how fast the machine is.
  return entry.interpretPolicy(compile(source), input, { now: NOW, builtins: getBuiltin, clock: () => 0, ...options });
}

export function evalExpr(text: string, bindings: Record<string, CelValue> = {}, types: Record<string, Type> = {}, fuel?: number): CelValue {
  const parsed = parseExpression(text);
  if (!parsed.expr) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  const { checked, diagnostics } = checkExpression(parsed.expr, types);
  if (!checked) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return entry.evaluateExpression(checked, bindings, { now: NOW, builtins: getBuiltin, fuel });
}
