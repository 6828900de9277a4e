// The names a policy's expressions can see: inputs, lets, consts, fns and
// `now`. Lets and consts are checked on first use (use before declaration
// is allowed), each in a fresh expression checker so the user's local
// variables never leak into them; every reference adds a dependency edge,
// so cycles are found afterwards in one place (graph.ts).

import type { ConstDecl, LetDecl, Span } from "../ast.js";
import type { DiagnosticCollector } from "../diagnostics.js";
import { T, type Type } from "../types.js";
import { CelError, isError, type CelValue } from "../values.js";
import type { Reference } from "./checked.js";
import { CODES } from "./codes.js";
import type { FnSignature, GlobalEnv } from "./env.js";
import type { ExprChecker } from "./expr.js";
import type { DependencyGraph, NodeKey } from "./graph.js";

interface Frame {
  key: NodeKey | null;
  /** Set while checking a const: only literals, consts and library functions are allowed. */
  constName: string | null;
}

export interface PolicyEnvOptions {
  inputs: Map<string, Type>;
  lets: Map<string, LetDecl>;
  consts: Map<string, ConstDecl>;
  fns: Map<string, FnSignature>;
  graph: DependencyGraph;
  diagnostics: DiagnosticCollector;
  newChecker: () => ExprChecker;
  /** Evaluates a checked const; returns its value (a CelError when evaluation failed). */
  fold: (decl: ConstDecl, checker: ExprChecker, type: Type, hadErrors: boolean) => CelValue;
}

export class PolicyEnv implements GlobalEnv {
  readonly letTypes = new Map<string, Type>();
  readonly constTypes = new Map<string, Type>();
  readonly constValues = new Map<string, CelValue>();
  private readonly active = new Set<NodeKey>();
  private readonly frames: Frame[] = [{ key: null, constName: null }];
  /** Set when a value could not be given (a cycle, a failed const): a const depending on it is not folded, so one mistake gives one error. */
  private tainted = false;

  constructor(private readonly o: PolicyEnvOptions) {}

  /** Check `body` as the declaration `key` (edges from it; const rules if constName). */
  within<R>(key: NodeKey | null, constName: string | null, body: () => R): R {
    this.frames.push({ key, constName });
    try {
      return body();
    } finally {
      this.frames.pop();
    }
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private notConstant(at: Span, what: string): void {
    this.o.diagnostics.error(
      CODES.constNotConstant,
      at,
      `const '${this.frame.constName}' must be constant, but it ${what}`,
      "consts may use only literals, other consts and library functions; use `let` for values computed at evaluation time",
    );
  }

  private edge(to: NodeKey, at: Span): void {
    if (this.frame.key) this.o.graph.add(this.frame.key, to, at);
  }

  value(name: string, at: Span): { type: Type; ref: Reference } | undefined {
    const input = this.o.inputs.get(name);
    if (input) {
      if (this.frame.constName) this.notConstant(at, `reads input '${name}'`);
      return { type: input, ref: { kind: "input", name } };
    }
    if (this.o.lets.has(name)) {
      if (this.frame.constName) this.notConstant(at, `reads let '${name}'`);
      this.edge(`let:${name}`, at);
      return { type: this.letType(name), ref: { kind: "let", name } };
    }
    if (this.o.consts.has(name)) {
      this.edge(`const:${name}`, at);
      const type = this.constType(name);
      const value = this.constValues.get(name);
      if (value === undefined || isError(value)) this.tainted = true;
      return { type, ref: { kind: "const", name, value: value ?? new CelError(`const '${name}' has no value`) } };
    }
    if (name === "now") {
      if (this.frame.constName) this.notConstant(at, "reads 'now' (the evaluation instant)");
      return { type: T.timestamp, ref: { kind: "now" } };
    }
    return undefined;
  }

  fn(name: string, at: Span): FnSignature | undefined {
    const sig = this.o.fns.get(name);
    if (!sig) return undefined;
    if (this.frame.constName) this.notConstant(at, `calls fn '${name}'`);
    this.edge(`fn:${name}`, at);
    return sig;
  }

  names(): string[] {
    return [...this.o.inputs.keys(), ...this.o.lets.keys(), ...this.o.consts.keys(), ...this.o.fns.keys(), "now"];
  }

  private errorCount(): number {
    return this.o.diagnostics.items.filter((d) => d.severity === "error").length;
  }

  letType(name: string): Type {
    const done = this.letTypes.get(name);
    if (done) return done;
    const key = `let:${name}`;
    // A let reached again while being checked is a cycle (reported by the graph).
    if (this.active.has(key)) {
      this.tainted = true;
      return T.error;
    }
    this.active.add(key);
    const decl = this.o.lets.get(name)!;
    const checker = this.o.newChecker();
    // What the let's own expression left open is dyn: each use may then take it its own way (`let none = []`).
    const type = checker.vars.finalize(this.within(key, null, () => checker.check(decl.value)));
    this.active.delete(key);
    this.letTypes.set(name, type);
    return type;
  }

  constType(name: string): Type {
    const done = this.constTypes.get(name);
    if (done) return done;
    const key = `const:${name}`;
    if (this.active.has(key)) {
      this.tainted = true;
      return T.error;
    }
    this.active.add(key);
    const decl = this.o.consts.get(name)!;
    const checker = this.o.newChecker();
    const errorsBefore = this.errorCount();
    const taintedBefore = this.tainted;
    this.tainted = false;
    const type = checker.vars.finalize(this.within(key, name, () => checker.check(decl.value)));
    const failed = this.tainted || this.errorCount() > errorsBefore || type.kind === "error";
    this.tainted ||= taintedBefore;
    this.constValues.set(name, this.o.fold(decl, checker, type, failed));
    this.active.delete(key);
    this.constTypes.set(name, type);
    return type;
  }
}
