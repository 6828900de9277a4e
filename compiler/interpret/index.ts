// The reference interpreter: the semantic oracle the Wasm backend is tested
// against. See README.md in this folder for the evaluation order and error
// rules, and docs/fuel.md for the cost model.

import type { CheckedExpr, CheckedPolicy } from "../check/checked.js";
import type { Decision, PolicyDecision } from "../../runtime/types.js";
import type { CelValue } from "../values.js";
import { getBuiltin } from "./builtins/registry.js";
import * as entry from "./entry.js";
import type { EvaluateExpressionOptions, InterpretBundleOptions, InterpretOptions } from "./entry.js";

export type { EvaluateExpressionOptions, InterpretBundleOptions, InterpretOptions } from "./entry.js";
export { jsonToCel, InputError } from "./json-to-cel.js";
export { celToJson } from "./cel-to-json.js";
export { celTypeName } from "./runtime-type.js";
export type { BuiltinContext } from "./context.js";
export type { Builtin, BuiltinLookup } from "./env.js";

/** One policy on one input (spec section 6). Never throws. */
export function interpretPolicy(checked: CheckedPolicy, input: unknown, options: InterpretOptions = {}): PolicyDecision {
  return entry.interpretPolicy(checked, input, { ...options, builtins: options.builtins ?? getBuiltin });
}

/** Every policy of a bundle on one input; overall deny when an enforce-mode policy denies. Never throws. */
export function interpretPolicies(checked: CheckedPolicy[], input: unknown, options: InterpretBundleOptions = {}): Decision {
  return entry.interpretPolicies(checked, input, { ...options, builtins: options.builtins ?? getBuiltin });
}

/** A lone checked expression (const folding, conformance). Never throws: failures are CelError values. */
export function evaluateExpression(
  checked: CheckedExpr,
  bindings: Map<string, CelValue> | Record<string, CelValue>,
  options: EvaluateExpressionOptions = {},
): CelValue {
  return entry.evaluateExpression(checked, bindings, { ...options, builtins: options.builtins ?? getBuiltin });
}
