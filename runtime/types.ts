// The public decision shape (spec section 9). Both engines return exactly
// these objects; the differential tests compare them field by field.

export type ErrorCode = "fuel_exhausted" | "timeout" | "input_invalid" | "eval_error" | "internal";

export interface DecisionError {
  code: ErrorCode;
  message: string;
  rule?: string;
}

export interface RuleHit {
  rule: string;
  message: string;
}

export type PolicyMode = "enforce" | "shadow";

export interface PolicyDecision {
  decision: "allow" | "deny";
  mode: PolicyMode;
  /** What enforce mode would have decided (true when it would deny). */
  wouldDeny: boolean;
  violations: RuleHit[];
  warnings: RuleHit[];
  /** CEL values rendered as JSON (spec section 9). */
  outputs: { [name: string]: unknown };
  error: DecisionError | null;
  /** Fuel used by this policy's evaluation. */
  fuel: number;
  /** "sha256:<hex>" of the policy's compiled form. */
  hash: string;
}

export interface Decision {
  decision: "allow" | "deny";
  policies: { [name: string]: PolicyDecision };
}

export interface EvaluateOptions {
  /** The evaluation instant (`now` in policies); default: the host clock at the start. */
  now?: Date | string;
  fuel?: number;
  timeoutMs?: number;
}

export interface LoadOptions {
  fuel?: number;
  timeoutMs?: number;
  memoryLimitBytes?: number;
  modes?: { [policy: string]: PolicyMode };
}

export interface PolicyInfo {
  name: string;
  description: string;
  hash: string;
  rules: { name: string; kind: "deny" | "warn" | "allow" }[];
  inputs: { name: string; type: string; nullable: boolean }[];
}

export const DEFAULT_FUEL = 10_000_000;
export const DEFAULT_TIMEOUT_MS = 50;
export const DEFAULT_MEMORY_LIMIT_BYTES = 16 * 1024 * 1024;
/** Input nesting deeper than this (in the parts a policy reads) is input_invalid. */
export const MAX_INPUT_DEPTH = 256;
