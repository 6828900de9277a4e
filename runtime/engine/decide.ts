// How a policy's evaluation becomes its decision (spec section 6), shared by
// the runtime and the reference interpreter so the two cannot drift: a
// default-deny policy (one with allow rules) that no allow rule granted gets
// the violation "no allow rule matched"; any error or violation would deny,
// and shadow mode reports that without denying.

import type { DecisionError, PolicyDecision, PolicyMode, RuleHit } from "../types.js";

/** What the rules and outputs of one evaluation left behind. */
export interface Outcome {
  violations: RuleHit[];
  warnings: RuleHit[];
  grants: number;
  outputs: { [name: string]: unknown };
}

export function decide(outcome: Outcome, hasAllowRules: boolean, error: DecisionError | null, fuel: number, mode: PolicyMode, hash: string): PolicyDecision {
  const violations = outcome.violations;
  if (!error && violations.length === 0 && outcome.grants === 0 && hasAllowRules) violations.push({ rule: "", message: "no allow rule matched" });
  const wouldDeny = error !== null || violations.length > 0;
  return { decision: mode === "enforce" && wouldDeny ? "deny" : "allow", mode, wouldDeny, violations, warnings: outcome.warnings, outputs: outcome.outputs, error, fuel, hash };
}
