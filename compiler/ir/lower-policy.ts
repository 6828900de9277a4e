// A checked policy -> PolicyIr (./nodes.ts): lets, fns with their result
// checks, rules with their `for` clauses as nested loops, outputs.

import type { RuleDecl } from "../ast.js";
import type { CheckedPolicy } from "../check/checked.js";
import { typeDesc } from "./type-desc.js";
import { typeToString } from "../types.js";
import { Lowering } from "./lower.js";
import type { ForIr, Ir, PolicyIr, RuleIr } from "./nodes.js";

export function lowerPolicy(checked: CheckedPolicy): PolicyIr {
  const lower = new Lowering(checked, new Map(checked.inputs.map((input, k) => [input.name, k])));
  return {
    inputs: checked.inputs.length,
    lets: [...checked.lets].map(([name, decl]) => ({ name, value: lower.expr(decl.value) })),
    fns: [...checked.fns].map(([name, decl]) => {
      const declared = checked.checkedResults.get(name);
      return {
        name,
        params: decl.params.length,
        body: lower.expr(decl.body),
        // A body typed looser than the declared result (a dyn) is checked on the way out (compiler/check/runtime-checks.ts).
        result: declared ? { fn: name, param: null, expected: typeToString(declared), type: typeDesc(declared) } : null,
      };
    }),
    rules: checked.rules.map((rule) => lowerRule(lower, rule)),
    outputs: checked.outputs.map((o) => lower.expr(o.value)),
  };
}

function lowerRule(lower: Lowering, rule: RuleDecl): RuleIr {
  const fors: ForIr[] = [];
  // Each clause's source sees the variables of the clauses before it; when, unless and message see them all.
  const bodyOf = (depth: number): Omit<RuleIr, "kind" | "expires" | "fors" | "name"> => {
    if (depth === rule.fors.length) {
      const message: (string | Ir)[] | null = rule.message
        ? rule.message.parts.map((part) => (part.kind === "text" ? part.text : lower.expr(part.expr)))
        : null;
      return {
        when: rule.when ? lower.expr(rule.when) : null,
        unless: rule.unless ? lower.expr(rule.unless) : null,
        message,
      };
    }
    const clause = rule.fors[depth]!;
    const source = lower.expr(clause.source);
    const names = clause.second ? [clause.first.name, clause.second.name] : [clause.first.name];
    return lower.within(names, ([first, second]) => {
      fors.push({ source, name: clause.first.name, first: first!, second: second ?? null });
      return bodyOf(depth + 1);
    });
  };
  const body = bodyOf(0);
  return { kind: rule.ruleKind, expires: rule.expires !== null && rule.expires !== undefined, fors, name: rule.name.name, ...body };
}
