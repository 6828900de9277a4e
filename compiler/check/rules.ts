// Rules: `for` clauses bind variables in order (lists give elements or
// (index, element); maps keys or (key, value)); `when` and `unless` must be
// bool; `expires` must be RFC 3339; each message hole needs a string()
// overload for its type. A `when` guards `unless` and the message.

import type { Expr, RuleDecl, Template } from "../ast.js";
import { overloadsOf } from "../library/index.js";
import { T, typeToString, type Type } from "../types.js";
import { parseTimestamp } from "../../runtime/lib/time.js";
import { CODES } from "./codes.js";
import type { Local } from "./env.js";
import type { ExprChecker } from "./expr.js";
import { guardsWhen } from "./guards.js";
import { iterationPair, iterationTypes } from "./macros.js";
import { matchOverloads } from "./overloads.js";

export function checkRule(c: ExprChecker, rule: RuleDecl): void {
  const locals: [string, Local][] = [];
  const bindFors = (i: number): void => {
    if (i === rule.fors.length) return checkClauses(c, rule);
    const clause = rule.fors[i]!;
    const source = c.withLocals(locals, () => c.check(clause.source));
    const it = iterationTypes(c, source);
    if (!it) {
      c.error(CODES.notIterable, clause.source.span, `cannot iterate over ${typeToString(source)}`, "`for` ranges over lists (elements) and maps (keys)");
    }
    const iter = it ?? { first: T.error, second: T.error };
    const binder = clause.source.id;
    const local = (name: string, type: Type): [string, Local] => [name, { type, ref: { kind: "local", name, binder } }];
    if (clause.second) {
      if (clause.second.name === clause.first.name) {
        c.error(CODES.forVariables, clause.second.span, `both variables of this for are named '${clause.first.name}'`, "give the two variables different names");
      }
      const [first, second] = iterationPair(source, iter);
      c.usage.mapValues(source);
      locals.push(local(clause.first.name, first), local(clause.second.name, second));
    } else {
      locals.push(local(clause.first.name, iter.first));
    }
    bindFors(i + 1);
  };
  bindFors(0);
  checkExpires(c, rule);

  function checkClauses(checker: ExprChecker, r: RuleDecl): void {
    checker.withLocals(locals, () => {
      const whenGuards = r.when ? guardsWhen(r.when, true) : [];
      if (r.when) checker.checkBool(r.when, "`when`");
      checker.withGuards(whenGuards, () => {
        if (r.unless) checker.checkBool(r.unless, "`unless`");
        const unlessGuards = r.unless ? guardsWhen(r.unless, false) : [];
        if (r.message) checker.withGuards(unlessGuards, () => checkTemplate(checker, r.message!));
      });
    });
  }
}

function checkExpires(c: ExprChecker, rule: RuleDecl): void {
  if (!rule.expires) return;
  if (parseTimestamp(rule.expires.text) === null) {
    c.error(
      CODES.badExpires,
      rule.expires.span,
      `expires "${rule.expires.text}" is not an RFC 3339 timestamp`,
      'write a UTC or offset instant, e.g. "2026-12-31T23:59:59Z" or "2026-12-31T00:00:00+01:00"',
    );
  }
}

/** Whether `string(x)` is defined for a value of type `t`. */
export function hasStringConversion(t: Type): boolean {
  return matchOverloads(overloadsOf("string"), [t]).length > 0;
}

export function checkTemplate(c: ExprChecker, template: Template): void {
  for (const part of template.parts) {
    if (part.kind !== "hole") continue;
    checkHole(c, part.expr);
  }
}

function checkHole(c: ExprChecker, e: Expr): void {
  const t = c.check(e);
  c.usage.wholeValue(t);
  if (t.kind === "error" || hasStringConversion(t)) return;
  c.error(
    CODES.templateNoString,
    e.span,
    `cannot interpolate a value of type ${typeToString(t)}: string() has no overload for it`,
    t.kind === "list"
      ? 'convert it first, e.g. ${x.join(", ")} for a list of strings, or ${size(x)}'
      : "interpolate a field of it or convert it first, e.g. ${string(x.field)}",
  );
}
