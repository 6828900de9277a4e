// One rule's firings (spec section 5): `for` clauses nested in order, then
// `when`, then `unless`, then the message. The first CEL error ends the rule
// (the caller decides what an error means for its kind: deny, warn, allow).

import type { Expr, RuleDecl, Template } from "../ast.js";
import { FUEL } from "../fuel.js";
import { parseTimestamp } from "../../runtime/lib/time.js";
import { CelError, CelList, isError, type CelValue } from "../values.js";
import { convertToString } from "./calls.js";
import { bind, ROOT_ENV, type Env } from "./env.js";
import type { Evaluator } from "./evaluator.js";
import { rangeItems } from "./macros.js";
import { celTypeName } from "./runtime-type.js";

export interface RuleOutcome {
  /** One message per firing, in firing order. */
  messages: string[];
  /** The CEL error that ended the rule, if any (firings before it are kept). */
  error: CelError | null;
}

/** Evaluates `rule` at instant `now` (nanoseconds since the epoch). Charges FUEL.rule first, even if the rule has expired. */
export function evaluateRule(ev: Evaluator, rule: RuleDecl, now: bigint): RuleOutcome {
  ev.meter.charge(FUEL.rule);
  const messages: string[] = [];
  if (rule.expires) {
    const expires = parseTimestamp(rule.expires.text);
    if (expires === null) return { messages, error: new CelError(`invalid expires timestamp ${JSON.stringify(rule.expires.text)}`) };
    if (now >= expires) return { messages, error: null };
  }
  const error = fireFrom(ev, rule, 0, ROOT_ENV, messages);
  return { messages, error };
}

/** Binds `for` clause `index` and the ones after it; at the innermost level tests the rule once. */
function fireFrom(ev: Evaluator, rule: RuleDecl, index: number, env: Env, messages: string[]): CelError | null {
  if (index === rule.fors.length) return fireOnce(ev, rule, env, messages);
  const clause = rule.fors[index]!;
  const source = ev.eval(clause.source, env);
  if (isError(source)) return source;
  const items = rangeItems(source);
  if (items instanceof CelError) return new CelError(`for ${clause.first.name} in ...: cannot iterate over ${celTypeName(source)}`);
  const isList = source instanceof CelList;
  for (const item of items) {
    ev.meter.charge(FUEL.iteration);
    const inner = clause.second
      ? bind(bind(env, clause.first.name, item.first), clause.second.name, item.second)
      : bind(env, clause.first.name, isList ? item.second : item.first);
    const error = fireFrom(ev, rule, index + 1, inner, messages);
    if (error) return error;
  }
  return null;
}

function fireOnce(ev: Evaluator, rule: RuleDecl, env: Env, messages: string[]): CelError | null {
  const when = rule.when ? condition(ev, rule.when, env, "when") : true;
  if (when !== true) return when === false ? null : when;
  const unless = rule.unless ? condition(ev, rule.unless, env, "unless") : false;
  if (unless !== false) return unless === true ? null : unless;
  const message = rule.message ? renderTemplate(ev, rule.message, env) : rule.name.name;
  if (isError(message)) return message;
  messages.push(message);
  return null;
}

function condition(ev: Evaluator, e: Expr, env: Env, clause: string): boolean | CelError {
  const v = ev.eval(e, env);
  if (typeof v === "boolean" || isError(v)) return v;
  return new CelError(`${clause} must be a bool, got ${celTypeName(v)}`);
}

/** A message: literal text and `string()` of each hole, in order; the first error is the result. */
export function renderTemplate(ev: Evaluator, template: Template, env: Env): string | CelError {
  ev.meter.charge(FUEL.template);
  let out = "";
  for (const part of template.parts) {
    if (part.kind === "text") {
      out += part.text;
      continue;
    }
    const v: CelValue = ev.eval(part.expr, env);
    if (isError(v)) return v;
    const s = convertToString(ev, v);
    if (isError(s)) return s;
    if (typeof s !== "string") return new CelError(`string() returned ${celTypeName(s)}`);
    out += s;
  }
  return out;
}
