// The package `edict` (spec section 9): compile policies, and (re-exported
// from edict/runtime) load and evaluate bundles.

export { compile, checkSources, API_CODES } from "./compile.js";
export type { SourceFile, CompileOptions, CompileResult, CheckResult } from "./compile.js";
export type { Diagnostic, Severity } from "./diagnostics.js";
export { loadBundle } from "../runtime/index.js";
export type { Bundle } from "../runtime/index.js";
export type {
  Decision,
  PolicyDecision,
  DecisionError,
  ErrorCode,
  RuleHit,
  PolicyMode,
  EvaluateOptions,
  LoadOptions,
  PolicyInfo,
} from "../runtime/types.js";
