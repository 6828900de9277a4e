// The checker stage: AST -> checked AST (compiler/check/checked.ts).
// See README.md in this folder for the rules it enforces.

import type { Expr, PolicyFile, Span } from "../ast.js";
import { DiagnosticCollector, type RawDiagnostic } from "../diagnostics.js";
import { T, type Type } from "../types.js";
import type { CheckedExpr, CheckedPolicy } from "./checked.js";

import type { GlobalEnv } from "./env.js";
import { ExprChecker, finalizeTables } from "./expr.js";
import { checkPolicyFile } from "./policy.js";
import { Usage } from "./usage.js";

export type { CheckedExpr, CheckedPolicy } from "./checked.js";
export { CODES } from "./codes.js";

function internalError(file: string, span: Span, e: unknown): RawDiagnostic {
  return {
    severity: "error",
    code: "E0199",
    message: `internal checker error: ${e instanceof Error ? e.message : String(e)}`,
    help: "this is a bug in Edict; please report it with the policy that caused it",
    file,
    span,
  };
}

/** Check a policy file. `checked` is null when there is any error. Never throws. */
export function checkPolicy(ast: PolicyFile, source: string): { checked: CheckedPolicy | null; diagnostics: RawDiagnostic[] } {
  try {
    return checkPolicyFile(ast, source);
  } catch (e) {
    return { checked: null, diagnostics: [internalError(ast.file, ast.span, e)] };
  }
}

export interface CheckExpressionOptions {
  /** File name used in diagnostics. */
  file?: string;
  /**
   * For cel-spec tests marked `disableCheck`: a call or operator that no
   * overload fits (`1.0 == 1`, `'foo' < 1024`) is not an error but resolves
   * `dynamic` to every overload of that arity, so evaluation reports
   * "no such overload" at run time as an unchecked CEL runtime would.
   */
  unchecked?: boolean;
}

/**
 * Check one bare CEL expression against declared variables (conformance
 * tests, REPL). Variables resolve as `input` references by name; dotted names
 * such as `a.b.c` are allowed and resolved CEL-style, longest name first.
 * `now` is predeclared (a timestamp) unless `env` declares it.
 */
export function checkExpression(
  expr: Expr,
  env: Record<string, Type>,
  options: CheckExpressionOptions = {},
): { checked: CheckedExpr | null; diagnostics: RawDiagnostic[] } {
  const file = options.file ?? "<expr>";
  const diagnostics = new DiagnosticCollector(file);
  const globals: GlobalEnv = {
    value: (name) => {
      if (Object.hasOwn(env, name)) return { type: env[name]!, ref: { kind: "input", name } };
      // `now` is predeclared here as in a policy, unless the caller declares its own.
      if (name === "now") return { type: T.timestamp, ref: { kind: "now" } };
      return undefined;
    },
    fn: () => undefined,
    names: () => Object.keys(env),
  };
  try {
    const checker = new ExprChecker(globals, diagnostics, new Usage());
    checker.lenient = options.unchecked === true;
    const type = checker.vars.finalize(checker.check(expr));
    finalizeTables(checker);
    const ordered = diagnostics.items.slice().sort((a, b) => a.span.start - b.span.start);
    if (diagnostics.hasErrors) return { checked: null, diagnostics: ordered };
    return {
      checked: { expr, type, exprTypes: checker.exprTypes, resolutions: checker.resolutions, references: checker.references },
      diagnostics: ordered,
    };
  } catch (e) {
    return { checked: null, diagnostics: [internalError(file, expr.span, e)] };
  }
}


