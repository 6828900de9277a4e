// The parser and checker test tables cel-go's own tests use (extracted by
// @bufbuild/cel-spec from parser_test.go and checker_test.go), normalized
// for Edict's parseExpression and checkExpression.
//
// Both tables carry cel-go's debug ASTs: `ast` (present iff cel-go parsed
// the text), `type` (the checked type) or `error`. The checker table was run
// by cel-go in an environment of variables and functions declared in Go
// (`is`, `fg_s`, protobuf messages) that the data does not include, so only
// tests that need nothing beyond the standard environment apply; the rule is
// computed from cel-go's parsed AST, not from a list of names.

import { tests as rawChecking } from "@bufbuild/cel-spec/testdata/checking.js";
import { tests as rawParsing } from "@bufbuild/cel-spec/testdata/parsing.js";
import { functionNames, isMacroName } from "../../compiler/library/index.js";
import { mentionsMessages, stripLiteralsAndComments } from "./scope.js";

interface RawSyntaxTest {
  original: { expr: string };
  ast?: string;
  type?: string;
  error?: string;
}

export interface ParsingCase {
  /** `parsing/<expression, whitespace collapsed>`, unique. */
  name: string;
  expr: string;
  /**
   * `parse`: must parse. `error`: must not parse. `macro-error`: cel-go
   * rejects it while expanding a macro, which Edict does in the checker, so
   * an error from either stage counts.
   */
  expected: "parse" | "error" | "macro-error";
  /** cel-go's message, for reports. */
  celGoError: string;
}

export interface CheckingCase {
  name: string;
  expr: string;
  /** cel-go's debug spelling of the type (`list(int)`), or an error is expected. */
  expected: { kind: "type"; type: string } | { kind: "error"; message: string };
}

export interface SkippedSyntaxCase {
  name: string;
  reason: string;
}

export const SYNTAX_SKIP = {
  parserOption: "depends on a cel-go parser option (nesting limit 32, optional or backtick syntax disabled)",
  message: "constructs or names protobuf messages",
  environment: "needs declarations from cel-go's Go test environment",
  notParsed: "cel-go did not parse it (its test environment disabled the syntax)",
  crossNumeric: "depends on cel-go's cross-type numeric comparison option (off there; CEL v0.25 conformance has it on)",
} as const;

/** cel-go's checker test turns heterogeneous numeric ordering off; the conformance suite expects it. */
const CROSS_NUMERIC = /no matching overload for '_[<>]=?_' applied to '\((int|uint|double), (int|uint|double)\)'/;

/** cel-go errors that come from options its parser test sets, not from CEL's grammar. */
const OPTION_DEPENDENT = /unsupported syntax|recursion limit exceeded|max recursion depth exceeded|lookahead limit exceeded/;

/** cel-go errors raised while expanding macros at parse time. */
const MACRO_ERROR = /macro|accumulator variable|argument is not an identifier|argument must be a simple name/;

const TYPE_NAMES = new Set(["bool", "int", "uint", "double", "string", "bytes", "list", "map", "null_type", "type", "dyn"]);

export function loadParsing(): { cases: ParsingCase[]; skipped: SkippedSyntaxCase[] } {
  const cases: ParsingCase[] = [];
  const skipped: SkippedSyntaxCase[] = [];
  const names = new UniqueNames("parsing");
  for (const t of (rawParsing as { tests: RawSyntaxTest[] }).tests) {
    const name = names.next(t.original.expr);
    const celGoError = (t.error ?? "").split("\n")[0] ?? "";
    if (t.ast === undefined && OPTION_DEPENDENT.test(celGoError)) {
      skipped.push({ name, reason: SYNTAX_SKIP.parserOption });
      continue;
    }
    const expected = t.ast !== undefined ? "parse" : MACRO_ERROR.test(celGoError) ? "macro-error" : "error";
    cases.push({ name, expr: t.original.expr, expected, celGoError });
  }
  return { cases, skipped };
}

export function loadChecking(): { cases: CheckingCase[]; skipped: SkippedSyntaxCase[] } {
  const cases: CheckingCase[] = [];
  const skipped: SkippedSyntaxCase[] = [];
  const names = new UniqueNames("checking");
  const known = new Set(functionNames());
  for (const t of (rawChecking as { tests: RawSyntaxTest[] }).tests) {
    const name = names.next(t.original.expr);
    if (t.ast === undefined) {
      skipped.push({ name, reason: SYNTAX_SKIP.notParsed });
      continue;
    }
    if (mentionsMessages(t.original.expr)) {
      skipped.push({ name, reason: SYNTAX_SKIP.message });
      continue;
    }
    const error = (t.error ?? "").split("\n")[0] ?? "";
    if (CROSS_NUMERIC.test(error)) {
      skipped.push({ name, reason: SYNTAX_SKIP.crossNumeric });
      continue;
    }
    const missing = undeclaredNames(t.ast, known).filter((n) => !error.includes(`undeclared reference to '${n}'`));
    if (missing.length > 0) {
      skipped.push({ name, reason: `${SYNTAX_SKIP.environment}: ${missing.join(", ")}` });
      continue;
    }
    const expected = t.type !== undefined ? { kind: "type" as const, type: t.type } : { kind: "error" as const, message: error };
    cases.push({ name, expr: t.original.expr, expected });
  }
  return { cases, skipped };
}

/**
 * Free variables and functions of a cel-go debug AST that the standard
 * environment does not declare: identifiers that are neither comprehension
 * variables nor type names, and called names Edict's library lacks.
 */
export function undeclaredNames(debugAst: string, knownFunctions: ReadonlySet<string>): string[] {
  const lines = stripLiteralsAndComments(debugAst).split("\n");
  const scopes = comprehensionScopes(debugAst.split("\n"));
  const out = new Set<string>();
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/([A-Za-z_@][\w.]*)\^#\*expr\.Expr_IdentExpr#/g)) {
      const ident = m[1]!;
      if (ident.startsWith("@") || TYPE_NAMES.has(ident)) continue;
      if (!scopes.some((s) => s.variables.includes(ident) && i > s.from && i <= s.to)) out.add(ident);
    }
    for (const m of line.matchAll(/(?<![\w#@])([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\(/g)) {
      const fn = m[1]!;
      if (/^_+$/.test(fn) || fn === "__comprehension__") continue;
      const last = fn.split(".").pop()!;
      if (!knownFunctions.has(fn) && !knownFunctions.has(last) && !isMacroName(last)) out.add(fn);
    }
    for (const m of line.matchAll(/#\.([A-Za-z_]\w*)\(/g)) {
      if (!knownFunctions.has(m[1]!) && !isMacroName(m[1]!)) out.add(m[1]!);
    }
  });
  return [...out];
}

/**
 * Where each comprehension's variables are in scope, in lines of cel-go's
 * debug form: its sections are marked `// Variable`, `// Target`,
 * `// Accumulator`, ... at one indentation; the variables are bound from the
 * accumulator on (not in the target) until the indentation drops.
 */
function comprehensionScopes(lines: string[]): { variables: string[]; from: number; to: number }[] {
  const scopes: { variables: string[]; from: number; to: number }[] = [];
  const indent = (l: string) => l.length - l.trimStart().length;
  lines.forEach((line, i) => {
    if (!/^\s*\/\/ Variable\d?$/.test(line)) return;
    const depth = indent(line);
    const variables: string[] = [];
    let from = -1;
    let to = lines.length - 1;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (indent(l) < depth && l.trim() !== "") {
        to = j - 1;
        break;
      }
      if (indent(l) !== depth) continue;
      if (/^\s*\/\/ Variable\d?$/.test(l) && j !== i) {
        const v = /^\s*([\w@]+),?$/.exec(lines[j + 1] ?? "");
        if (v) variables.push(v[1]!);
      }
      if (/^\s*\/\/ Accumulator$/.test(l) && from < 0) from = j;
    }
    const first = /^\s*([\w@]+),?$/.exec(lines[i + 1] ?? "");
    if (first) variables.push(first[1]!);
    // A second `// Variable` block at the same depth belongs to the same comprehension.
    if (i > 0 && scopes.some((s) => s.from > i && s.variables.length > 0 && indent(lines[s.from]!) === depth)) return;
    scopes.push({ variables, from: from < 0 ? i : from, to });
  });
  return scopes;
}

class UniqueNames {
  private readonly seen = new Map<string, number>();
  constructor(private readonly prefix: string) {}

  next(expr: string): string {
    let base = expr.replace(/\s+/g, " ").trim();
    if (base.length > 100) base = `${base.slice(0, 100)}...`;
    base = `${this.prefix}/${base}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}
