// Calls: macros first (they are syntax), then qualified library functions
// (`math.abs`, `net.host`: a namespace wins over a variable of that name, as
// in CEL), then user `fn`s, then global and member library overloads.

import type { CallExpr, Expr } from "../ast.js";
import { FUNCTION_NAMESPACES, findMacro, functionNames, isMacroName, overloadsOf } from "../library/index.js";
import { T, typeToString, type Type } from "../types.js";
import { CODES } from "./codes.js";
import type { ExprChecker } from "./expr.js";
import { checkMacro } from "./macros.js";
import { resolveLibrary } from "./overloads.js";
import { didYouMean } from "./suggest.js";
import { assignable } from "./unify.js";
import { looserThan } from "./runtime-checks.js";

/** `a.b` of a call target made only of identifiers and plain selections. */
function dottedName(e: Expr): string | null {
  if (e.kind === "ident" && !e.rootScoped) return e.name;
  if (e.kind === "select" && !e.optional) {
    const base = dottedName(e.operand);
    return base === null ? null : `${base}.${e.field}`;
  }
  return null;
}

export function checkCall(c: ExprChecker, e: CallExpr): Type {
  const rootScoped = e.function.startsWith(".");
  const fnName = rootScoped ? e.function.slice(1) : e.function;

  const qualifier = e.target ? dottedName(e.target) : null;
  const qualified = qualifier === null ? null : `${qualifier}.${fnName}`;
  if (qualified !== null) {
    const macro = findMacro(qualified, false, e.args.length);
    if (macro) return checkMacro(c, e, macro, null);
    if (overloadsOf(qualified).length > 0) return checkLibraryArgs(c, e, qualified, false, []);
    const root = qualifier!.split(".")[0]!;
    if (FUNCTION_NAMESPACES.has(qualifier!) && !c.local(root)) {
      const sameNamespace = functionNames().filter((f) => f.startsWith(`${qualifier}.`));
      c.error(CODES.unknownFunction, e.functionSpan, `unknown function '${qualified}'${didYouMean(qualified, sameNamespace)}`, `the ${qualifier} functions are: ${sameNamespace.join(", ")}`);
      for (const a of e.args) c.check(a);
      return T.error;
    }
  }

  if (e.target) {
    const macro = findMacro(fnName, true, e.args.length);
    if (macro) return checkMacro(c, e, macro, e.target);
    const receiver = c.check(e.target);
    return checkLibraryArgs(c, e, fnName, true, [receiver]);
  }

  const macro = findMacro(fnName, false, e.args.length);
  if (macro) return checkMacro(c, e, macro, null);

  const userFn = rootScoped ? undefined : c.env.fn(fnName, e.functionSpan);
  if (userFn) {
    const args = e.args.map((a) => c.check(a));
    const checkArgs = args.map((t, i) => {
      const param = userFn.params[i];
      return param && looserThan(param.type, t, c.vars) ? param.type : null;
    });
    c.resolutions.set(e.id, { kind: "fn", name: fnName, checkArgs });
    if (args.length !== userFn.params.length) {
      const n = userFn.params.length;
      c.error(CODES.fnArity, e.span, `function '${fnName}' takes ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`, `its signature is ${fnName}(${userFn.params.map((p) => `${p.name}: ${typeToString(p.type)}`).join(", ")})`);
      return userFn.result;
    }
    args.forEach((t, i) => {
      const param = userFn.params[i]!;
      const subst = new Map();
      if (assignable(param.type, t, subst, c.vars)) {
        c.vars.commit(subst);
        c.usage.flowsInto(t, param.type);
      } else {
        c.error(
          CODES.fnArgument,
          e.args[i]!.span,
          `argument '${param.name}' of '${fnName}' must be ${typeToString(param.type)}, got ${typeToString(t)}`,
          `pass a ${typeToString(param.type)}, or change the parameter's declared type`,
        );
      }
    });
    return userFn.result;
  }

  if (overloadsOf(fnName).some((o) => !o.member)) return checkLibraryArgs(c, e, fnName, false, []);

  for (const a of e.args) c.check(a);
  const memberOnly = overloadsOf(fnName).length > 0 || isMacroName(fnName);
  c.error(
    CODES.unknownFunction,
    e.functionSpan,
    memberOnly ? `'${fnName}' is a method: call it as x.${fnName}(...)` : `unknown function '${fnName}'${didYouMean(fnName, [...functionNames().filter((f) => !f.includes("_")), ...c.env.names()])}`,
    memberOnly ? `${fnName} is called on a value, e.g. \`s.${fnName}(...)\`` : "declare it with `fn NAME(...): TYPE = ...` or check the spelling",
  );
  return T.error;
}

function checkLibraryArgs(c: ExprChecker, e: CallExpr, fn: string, member: boolean, receiver: Type[]): Type {
  const args = [...receiver, ...e.args.map((a) => c.check(a))];
  if (member && overloadsOf(fn).length === 0 && !c.env.fn(fn, e.functionSpan)) {
    const methods = new Set(functionNames().filter((f) => overloadsOf(f).some((o) => o.member)));
    c.error(CODES.unknownFunction, e.functionSpan, `unknown method '${fn}'${didYouMean(fn, methods)}`, "see the library reference (spec section 8) for the methods of each type");
    return T.error;
  }
  if (!overloadsOf(fn).some((o) => o.member === member)) {
    c.error(
      CODES.unknownFunction,
      e.functionSpan,
      member ? `'${fn}' is not a method: call it as ${fn}(x, ...)` : `'${fn}' is a method: call it as x.${fn}(...)`,
      "see the library reference (spec section 8) for how each function is called",
    );
    return T.error;
  }
  const result = resolveLibrary(c, e, fn, member, args, e.span);
  checkConstantRegex(c, e, fn, member);
  return result;
}

/** Spec 7: a constant pattern RE2 rejects is a compile error. */
function checkConstantRegex(c: ExprChecker, e: CallExpr, fn: string, member: boolean): void {
  if (fn !== "matches") return;
  const pattern = member ? e.args[0] : e.args[1];
  if (!pattern) return;
  // Constant: a string literal, or a const holding a string.
  const ref = c.references.get(pattern.id);
  const text = pattern.kind === "literal" && pattern.value.type === "string" ? pattern.value.value : ref?.kind === "const" && typeof ref.value === "string" ? ref.value : null;
  if (text === null) return;
  const error = c.regexError(text);
  if (error !== null) c.error(CODES.badRegex, pattern.span, error.startsWith("invalid regular expression") ? error : `invalid regular expression: ${error}`, "patterns use RE2 syntax: no backreferences or lookaround");
}
