// The interpreter's entry points, with the overload implementations passed
// in (index.ts supplies the builtins registry). Tests that need only a few
// overloads can call these with a small lookup of their own.

import type { CheckedExpr, CheckedPolicy } from "../check/checked.js";
import { isTimestampInRange, parseTimestamp } from "../../runtime/lib/time.js";
import { DEFAULT_FUEL, DEFAULT_TIMEOUT_MS, type Decision, type PolicyDecision, type PolicyMode } from "../../runtime/types.js";
import { CelError, CelTimestamp, type CelValue } from "../values.js";
import { ROOT_ENV, type BuiltinLookup } from "./env.js";
import { Evaluator } from "./evaluator.js";
import { EvalAbort, FuelMeter } from "./meter.js";
import { PLACEHOLDER_HASH, runPolicy, type PolicyRun } from "./policy.js";

export interface InterpretOptions {
  /** The evaluation instant; default: the host clock at the start. */
  now?: Date | string;
  /** Fuel budget (default 10,000,000). */
  fuel?: number;
  /** Wall-clock deadline in milliseconds (default 50). */
  timeoutMs?: number;
  mode?: PolicyMode;
  /** The policy's "sha256:<hex>" (the compiler computes it); reported as is. */
  hash?: string;
  /** Milliseconds, monotonic; default performance.now(). Injectable for tests. */
  clock?: () => number;
  memoryLimitBytes?: number;
  /** Overload implementations; default the builtins registry. */
  builtins?: BuiltinLookup;
}

export interface InterpretBundleOptions extends InterpretOptions {
  modes?: { [policy: string]: PolicyMode };
  hashes?: { [policy: string]: string };
}

export function interpretPolicy(checked: CheckedPolicy, input: unknown, options: InterpretOptions = {}): PolicyDecision {
  const clock = options.clock ?? defaultClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = clock();
  const now = resolveNow(options.now, options.hash, options.mode);
  if (!(typeof now === "bigint")) return now;
  return runPolicy(checked, input, runOptions(options, now, clock, started + timeoutMs, timeoutMs));
}

/**
 * Every policy of a bundle on one input. Each policy has the whole fuel
 * budget; the deadline is one for the whole call. Overall deny when any
 * policy in enforce mode denies.
 */
export function interpretPolicies(checked: CheckedPolicy[], input: unknown, options: InterpretBundleOptions = {}): Decision {
  const clock = options.clock ?? defaultClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = clock() + timeoutMs;
  const policies: { [name: string]: PolicyDecision } = {};
  let overall: "allow" | "deny" = "allow";
  for (const policy of checked) {
    const mode = options.modes?.[policy.name] ?? options.mode ?? "enforce";
    const hash = options.hashes?.[policy.name] ?? options.hash;
    const now = resolveNow(options.now, hash, mode);
    const decision =
      typeof now === "bigint" ? runPolicy(policy, input, { ...runOptions(options, now, clock, deadline, timeoutMs), mode, hash }) : now;
    policies[policy.name] = decision;
    if (decision.mode === "enforce" && decision.decision === "deny") overall = "deny";
  }
  return { decision: overall, policies };
}

export interface EvaluateExpressionOptions {
  now?: Date | string;
  /** Default 10,000,000; running out gives a CelError. */
  fuel?: number;
  builtins?: BuiltinLookup;
}

/** Evaluates a lone checked expression (const folding, conformance). Never throws: failures are CelError values. */
export function evaluateExpression(
  checked: CheckedExpr,
  bindings: Map<string, CelValue> | Record<string, CelValue>,
  options: EvaluateExpressionOptions = {},
): CelValue {
  const globals = bindings instanceof Map ? bindings : new Map(Object.entries(bindings));
  const now = resolveNow(options.now, undefined);
  if (typeof now !== "bigint") return new CelError(now.error!.message);
  const program = { ...checked, consts: new Map(), lets: new Map(), fns: new Map() };
  const meter = new FuelMeter(options.fuel ?? DEFAULT_FUEL, () => 0, Number.POSITIVE_INFINITY);
  const ev = new Evaluator(program, globals, meter, { now: new CelTimestamp(now) }, options.builtins ?? noBuiltins);
  try {
    return ev.eval(checked.expr, ROOT_ENV);
  } catch (e) {
    if (e instanceof EvalAbort) return new CelError(e.message);
    return new CelError(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function noBuiltins(): undefined {
  return undefined;
}

function defaultClock(): number {
  return performance.now();
}

function runOptions(options: InterpretOptions, now: bigint, clock: () => number, deadline: number, timeoutMs: number): PolicyRun {
  return {
    now,
    fuel: options.fuel ?? DEFAULT_FUEL,
    mode: options.mode,
    hash: options.hash,
    clock,
    deadline,
    timeoutMs,
    memoryLimitBytes: options.memoryLimitBytes,
    builtins: options.builtins ?? noBuiltins,
  };
}

/** The evaluation instant in nanoseconds, or a decision reporting a bad `now` option. */
function resolveNow(now: Date | string | undefined, hash: string | undefined, mode: PolicyMode = "enforce"): bigint | PolicyDecision {
  let nanos: bigint | null;
  if (now === undefined) nanos = BigInt(Date.now()) * 1_000_000n;
  else if (typeof now === "string") nanos = parseTimestamp(now);
  else nanos = Number.isFinite(now.getTime()) ? BigInt(now.getTime()) * 1_000_000n : null;
  if (nanos !== null && isTimestampInRange(nanos)) return nanos;
  return {
    decision: mode === "enforce" ? "deny" : "allow",
    mode,
    wouldDeny: true,
    violations: [],
    warnings: [],
    outputs: {},
    error: { code: "input_invalid", message: `now: expected an RFC 3339 timestamp, got ${JSON.stringify(String(now))}` },
    fuel: 0,
    hash: hash ?? PLACEHOLDER_HASH,
  };
}
