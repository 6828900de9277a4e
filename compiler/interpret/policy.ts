// One policy, one input -> PolicyDecision (spec section 6). The order of
// work, which the Wasm backend reproduces:
//   1. convert every input (no fuel); an input error ends here (input_invalid);
//   2. test the deadline once;
//   3. rules in source order, each to completion (all rules always run:
//      a violation does not stop evaluation, so a later error still shows);
//   4. outputs in source order.
// Fail closed: the first CEL error in a deny or allow rule or in an output
// ends the evaluation (eval_error); so do fuel exhaustion, the deadline and
// internal faults. Everything produced before that point (violations,
// warnings, outputs) is still reported; the "no allow rule matched"
// violation is only added to an evaluation that completed. A CEL error in a
// warn rule ends that rule only, as a warning "evaluation error: <message>".

import type { RuleDecl } from "../ast.js";
import type { CheckedPolicy } from "../check/checked.js";
import { FUEL } from "../fuel.js";
import { DEFAULT_FUEL, type DecisionError, type PolicyDecision, type PolicyMode, type RuleHit } from "../../runtime/types.js";
import { CelTimestamp, isError, type CelValue } from "../values.js";
import { decide, type Outcome } from "../../runtime/engine/decide.js";
import { celToJson } from "./cel-to-json.js";
import { ROOT_ENV, type BuiltinLookup } from "./env.js";
import { Evaluator } from "./evaluator.js";
import { convertInputs } from "./inputs.js";
import { EvalAbort, FuelMeter } from "./meter.js";
import { evaluateRule } from "./rules.js";

export const PLACEHOLDER_HASH = "sha256:" + "0".repeat(64);

/** What one policy evaluation needs besides the policy and the input. */
export interface PolicyRun {
  now: bigint;
  fuel?: number;
  mode?: PolicyMode;
  hash?: string;
  clock: () => number;
  /** Clock reading after which the evaluation fails with `timeout`. */
  deadline: number;
  timeoutMs: number;
  memoryLimitBytes?: number;
  builtins: BuiltinLookup;
}

interface Progress extends Outcome {
  /** The rule being evaluated, named in errors. */
  rule: string | undefined;
}

export function runPolicy(checked: CheckedPolicy, input: unknown, run: PolicyRun): PolicyDecision {
  const budget = run.fuel ?? DEFAULT_FUEL;
  const meter = new FuelMeter(budget, run.clock, run.deadline, run.timeoutMs, run.memoryLimitBytes);
  const progress: Progress = { violations: [], warnings: [], outputs: {}, grants: 0, rule: undefined };
  let error: DecisionError | null;
  try {
    error = evaluate(checked, input, run, meter, progress);
  } catch (e) {
    error = abortError(e, progress.rule);
  }
  const fuel = error?.code === "fuel_exhausted" ? budget : meter.used;
  const hasAllowRules = checked.rules.some((r) => r.ruleKind === "allow");
  return decide(progress, hasAllowRules, error, fuel, run.mode ?? "enforce", run.hash ?? PLACEHOLDER_HASH);
}

function evaluate(checked: CheckedPolicy, input: unknown, run: PolicyRun, meter: FuelMeter, progress: Progress): DecisionError | null {
  const inputs = convertInputs(checked.inputs, input, run.memoryLimitBytes);
  if (!(inputs instanceof Map)) return { code: "input_invalid", message: inputs.message };
  meter.checkDeadline();
  const ev = new Evaluator(checked, inputs, meter, { now: new CelTimestamp(run.now) }, run.builtins);
  for (const rule of checked.rules) {
    progress.rule = rule.name.name;
    const error = runRule(ev, rule, run.now, progress);
    if (error) return error;
  }
  progress.rule = undefined;
  for (const output of checked.outputs) {
    meter.charge(FUEL.output);
    const value: CelValue = ev.eval(output.value, ROOT_ENV);
    if (isError(value)) return { code: "eval_error", message: `output ${output.name.name}: ${value.message}` };
    progress.outputs[output.name.name] = celToJson(value);
  }
  return null;
}

function runRule(ev: Evaluator, rule: RuleDecl, now: bigint, progress: Progress): DecisionError | null {
  const name = rule.name.name;
  const outcome = evaluateRule(ev, rule, now);
  const hits = outcome.messages.map((message) => ({ rule: name, message }));
  switch (rule.ruleKind) {
    case "deny":
      progress.violations.push(...hits);
      break;
    case "warn":
      progress.warnings.push(...hits);
      if (outcome.error) progress.warnings.push({ rule: name, message: `evaluation error: ${outcome.error.message}` });
      return null;
    case "allow":
      progress.grants += hits.length;
      break;
  }
  return outcome.error ? { code: "eval_error", message: outcome.error.message, rule: name } : null;
}

function abortError(e: unknown, rule: string | undefined): DecisionError {
  const where = rule === undefined ? {} : { rule };
  if (e instanceof EvalAbort) return { code: e.code, message: e.message, ...where };
  if (e instanceof RangeError) return { code: "internal", message: `evaluation too deeply nested: ${e.message}`, ...where };
  return { code: "internal", message: `internal error: ${e instanceof Error ? e.message : String(e)}`, ...where };
}
