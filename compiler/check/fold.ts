// Const folding: a const's expression is evaluated at compile time by the
// reference interpreter (never by a second evaluator here), so a const
// means exactly what the same expression means at run time.

import type { ConstDecl } from "../ast.js";
import type { DiagnosticCollector } from "../diagnostics.js";
import { evaluateExpression } from "../interpret/index.js";
import type { Type } from "../types.js";
import { CelError, isError, type CelValue } from "../values.js";
import { CODES } from "./codes.js";
import type { ExprChecker } from "./expr.js";

export function foldConst(decl: ConstDecl, checker: ExprChecker, type: Type, hadErrors: boolean, diagnostics: DiagnosticCollector): CelValue {
  if (hadErrors) return new CelError(`const '${decl.name.name}' did not type-check`);
  let value: CelValue;
  try {
    value = evaluateExpression(
      { expr: decl.value, type, exprTypes: checker.exprTypes, resolutions: checker.resolutions, references: checker.references },
      {},
    );
  } catch (e) {
    value = new CelError(e instanceof Error ? e.message : String(e));
  }
  if (isError(value)) {
    diagnostics.error(CODES.constEvaluation, decl.value.span, `const '${decl.name.name}' could not be evaluated: ${value.message}`, "a const is evaluated when the policy is compiled; its expression must not fail");
  }
  return value;
}
