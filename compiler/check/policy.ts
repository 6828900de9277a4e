// Checking a whole policy file: names, types, inputs, then every
// expression (lets and consts on first use), then cycles, then which input
// fields are read. The result is null when there is any error.

import type { ConstDecl, Decl, FnDecl, InputDecl, LetDecl, OutputDecl, PolicyFile, RuleDecl, TypeDecl } from "../ast.js";
import { DiagnosticCollector, LineMap, type RawDiagnostic } from "../diagnostics.js";
import { typeToString, type Type } from "../types.js";
import type { CelValue } from "../values.js";
import type { CheckedInput, CheckedPolicy } from "./checked.js";
import { CODES } from "./codes.js";
import type { FnSignature } from "./env.js";
import { ExprChecker, finalizeTables, newTables } from "./expr.js";
import { foldConst } from "./fold.js";
import { DependencyGraph } from "./graph.js";
import { PolicyEnv } from "./policy-env.js";
import { checkRule } from "./rules.js";
import { BUILTIN_TYPE_NAMES, TypeResolver } from "./type-exprs.js";
import { assignable } from "./unify.js";
import { looserThan } from "./runtime-checks.js";
import { Usage } from "./usage.js";

interface Collected {
  inputs: InputDecl[];
  types: Map<string, TypeDecl>;
  consts: Map<string, ConstDecl>;
  lets: Map<string, LetDecl>;
  fns: Map<string, FnDecl>;
  outputs: OutputDecl[];
  rules: RuleDecl[];
}

/** Names share one namespace per kind group: values (input, const, let, fn), types, outputs, rules. */
function collect(ast: PolicyFile, diagnostics: DiagnosticCollector, lines: LineMap): Collected {
  const out: Collected = { inputs: [], types: new Map(), consts: new Map(), lets: new Map(), fns: new Map(), outputs: [], rules: [] };
  const seen = { value: new Map<string, Decl>(), type: new Map<string, Decl>(), output: new Map<string, Decl>(), rule: new Map<string, Decl>() };
  const group = (d: Decl): keyof typeof seen =>
    d.kind === "type" ? "type" : d.kind === "output" ? "output" : d.kind === "rule" ? "rule" : "value";
  for (const d of ast.decls) {
    const names = seen[group(d)];
    const previous = names.get(d.name.name);
    if (previous) {
      const line = lines.position(previous.name.span.start).line;
      diagnostics.error(CODES.duplicateName, d.name.span, `'${d.name.name}' is already declared on line ${line}`, "names are unique in a policy file: rename one of them");
      continue;
    }
    if (group(d) === "value" && d.name.name === "now") {
      diagnostics.error(CODES.duplicateName, d.name.span, "'now' is predeclared (the evaluation instant) and cannot be redeclared", "choose another name");
      continue;
    }
    if (d.kind === "type" && BUILTIN_TYPE_NAMES.has(d.name.name)) {
      diagnostics.error(CODES.reservedTypeName, d.name.span, `'${d.name.name}' is a built-in type and cannot be redeclared`, "choose another name, e.g. a capitalised one");
      continue;
    }
    names.set(d.name.name, d);
    switch (d.kind) {
      case "input":
        out.inputs.push(d);
        break;
      case "type":
        out.types.set(d.name.name, d);
        break;
      case "const":
        out.consts.set(d.name.name, d);
        break;
      case "let":
        out.lets.set(d.name.name, d);
        break;
      case "fn":
        out.fns.set(d.name.name, d);
        break;
      case "output":
        out.outputs.push(d);
        break;
      case "rule":
        out.rules.push(d);
        break;
    }
  }
  return out;
}

export function checkPolicyFile(ast: PolicyFile, source: string): { checked: CheckedPolicy | null; diagnostics: RawDiagnostic[] } {
  const diagnostics = new DiagnosticCollector(ast.file);
  const lines = new LineMap(source);
  const decls = collect(ast, diagnostics, lines);

  const resolver = new TypeResolver(decls.types, diagnostics);
  const types = resolver.resolveAll();
  const inputTypes = new Map<string, Type>();
  for (const i of decls.inputs) inputTypes.set(i.name.name, resolver.resolve(i.type));
  const fnSignatures = new Map<string, FnSignature>();
  for (const [name, f] of decls.fns) {
    const seenParams = new Set<string>();
    for (const p of f.params) {
      if (seenParams.has(p.name.name)) diagnostics.error(CODES.duplicateName, p.name.span, `parameter '${p.name.name}' is declared twice`, "rename one of them");
      seenParams.add(p.name.name);
    }
    fnSignatures.set(name, { name, params: f.params.map((p) => ({ name: p.name.name, type: resolver.resolve(p.type) })), result: resolver.resolve(f.result) });
  }

  const tables = newTables();
  const usage = new Usage();
  const graph = new DependencyGraph();
  const env: PolicyEnv = new PolicyEnv({
    inputs: inputTypes,
    lets: decls.lets,
    consts: decls.consts,
    fns: fnSignatures,
    graph,
    diagnostics,
    newChecker: () => new ExprChecker(env, diagnostics, usage, tables),
    fold: (decl, checker, type, hadErrors) => foldConst(decl, checker, type, hadErrors, diagnostics),
  });

  for (const name of decls.consts.keys()) env.constType(name);
  for (const name of decls.lets.keys()) env.letType(name);
  const checkedResults = new Map<string, Type>();
  for (const [name, f] of decls.fns) {
    const sig = fnSignatures.get(name)!;
    if (checkFnBody(env, f, sig, () => new ExprChecker(env, diagnostics, usage, tables))) checkedResults.set(name, sig.result);
  }
  for (const o of decls.outputs) {
    const t = env.within(null, null, () => new ExprChecker(env, diagnostics, usage, tables).check(o.value));
    usage.wholeValue(t);
  }
  for (const r of decls.rules) env.within(null, null, () => checkRule(new ExprChecker(env, diagnostics, usage, tables), r));
  graph.reportCycles(diagnostics);
  finalizeTables(tables);

  const inputs: CheckedInput[] = decls.inputs.map((i) => {
    const type = inputTypes.get(i.name.name)!;
    return { name: i.name.name, type, usedType: usage.prune(type), nullable: i.nullable };
  });
  const consts = new Map<string, CelValue>();
  for (const name of decls.consts.keys()) consts.set(name, env.constValues.get(name)!);

  const ordered = diagnostics.items.slice().sort((a, b) => a.span.start - b.span.start);
  if (diagnostics.hasErrors) return { checked: null, diagnostics: ordered };
  return {
    checked: {
      ast,
      source,
      name: ast.name.name,
      description: ast.description ?? "",
      inputs,
      types,
      exprTypes: tables.exprTypes,
      resolutions: tables.resolutions,
      references: tables.references,
      consts,
      lets: decls.lets,
      fns: decls.fns,
      checkedResults,
      outputs: decls.outputs,
      rules: decls.rules,
    },
    diagnostics: ordered,
  };
}

/** Checks a fn's body against its signature; true when the result must be checked at run time (check/runtime-checks.ts). */
function checkFnBody(env: PolicyEnv, f: FnDecl, sig: FnSignature, newChecker: () => ExprChecker): boolean {
  const checker = newChecker();
  const locals = sig.params.map((p, index) => [p.name, { type: p.type, ref: { kind: "param" as const, fn: sig.name, index, name: p.name } }] as const);
  const body = env.within(`fn:${sig.name}`, null, () => checker.withLocals(locals.map(([n, l]) => [n, l]), () => checker.check(f.body)));
  const subst = new Map();
  if (assignable(sig.result, body, subst, checker.vars)) {
    checker.vars.commit(subst);
    checker.usage.flowsInto(body, sig.result);
    return looserThan(sig.result, body, checker.vars);
  } else {
    checker.error(
      CODES.fnResult,
      f.body.span,
      `fn '${sig.name}' is declared to return ${typeToString(sig.result)} but its body is ${typeToString(body)}`,
      "change the declared result type or convert the body's value",
    );
    return false;
  }
}
