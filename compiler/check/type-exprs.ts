// Types as written (`list<Agent>`, `{ id: string, tags?: list<string> }`)
// to static types. Named types resolve on demand, so they may be used before
// their declaration; a named type that reaches itself is an error at the
// reference that closes the cycle.

import type { RecordTypeExpr, TypeDecl, TypeExpr } from "../ast.js";
import type { DiagnosticCollector } from "../diagnostics.js";
import { T, typeToString, type RecordField, type RecordType, type Type } from "../types.js";
import { CODES } from "./codes.js";
import { didYouMean } from "./suggest.js";

const SCALARS: Record<string, Type> = {
  bool: T.bool,
  int: T.int,
  uint: T.uint,
  double: T.double,
  string: T.string,
  bytes: T.bytes,
  null_type: T.null,
  timestamp: T.timestamp,
  "google.protobuf.Timestamp": T.timestamp,
  duration: T.duration,
  "google.protobuf.Duration": T.duration,
  dyn: T.dyn,
};

const GENERIC_ARITY: Record<string, number> = { list: 1, map: 2, optional: 1 };

/** Names a user type may not take. */
export const BUILTIN_TYPE_NAMES: ReadonlySet<string> = new Set([...Object.keys(SCALARS), ...Object.keys(GENERIC_ARITY), "type"]);

const MAP_KEY_KINDS = new Set(["string", "int", "uint", "bool", "dyn", "error"]);

export class TypeResolver {
  private readonly resolved = new Map<string, Type>();
  private readonly inProgress: string[] = [];
  private readonly records = new Map<number, RecordType>();

  constructor(
    private readonly decls: Map<string, TypeDecl>,
    private readonly diagnostics: DiagnosticCollector,
  ) {}

  /** Every declared type, resolved, in declaration order. */
  resolveAll(): Map<string, Type> {
    const out = new Map<string, Type>();
    for (const name of this.decls.keys()) out.set(name, this.named(name));
    return out;
  }

  named(name: string): Type {
    const done = this.resolved.get(name);
    if (done) return done;
    const decl = this.decls.get(name)!;
    this.inProgress.push(name);
    const t = this.resolve(decl.type, name);
    this.inProgress.pop();
    // A cycle may already have recorded `error` for this name.
    if (!this.resolved.has(name)) this.resolved.set(name, t);
    return this.resolved.get(name)!;
  }

  resolve(te: TypeExpr, recordName: string | null = null): Type {
    if (te.kind === "record") return this.record(te, recordName);
    const scalar = SCALARS[te.name];
    if (scalar) {
      if (te.args.length > 0) this.typeArgumentError(te, te.name, 0);
      return scalar;
    }
    const arity = GENERIC_ARITY[te.name];
    if (arity !== undefined) {
      if (te.args.length !== arity) {
        this.typeArgumentError(te, te.name, arity);
        return T.error;
      }
      const args = te.args.map((a) => this.resolve(a));
      if (te.name === "list") return T.list(args[0]!);
      if (te.name === "optional") return T.optional(args[0]!);
      if (!MAP_KEY_KINDS.has(args[0]!.kind)) {
        this.diagnostics.error(
          CODES.badMapKeyType,
          te.args[0]!.span,
          `map keys must be string, int, uint or bool, not ${describe(args[0]!)}`,
          "use map<string, ...> (JSON object keys are strings)",
        );
      }
      return T.map(args[0]!, args[1]!);
    }
    if (te.name === "type") {
      if (te.args.length > 1) this.typeArgumentError(te, "type", 1);
      return T.type(te.args.length === 1 ? this.resolve(te.args[0]!) : T.dyn);
    }
    if (this.decls.has(te.name)) {
      if (te.args.length > 0) this.typeArgumentError(te, te.name, 0);
      const cycleStart = this.inProgress.indexOf(te.name);
      if (cycleStart >= 0) {
        const cycle = [...this.inProgress.slice(cycleStart), te.name].join(" -> ");
        this.diagnostics.error(
          CODES.recursiveType,
          te.span,
          `recursive type: ${cycle}`,
          "types may not refer to themselves; inputs are finite JSON, so declare the nested part as dyn or map<string, dyn>",
        );
        for (const n of this.inProgress.slice(cycleStart)) this.resolved.set(n, T.error);
        return T.error;
      }
      return this.named(te.name);
    }
    const candidates = [...this.decls.keys(), ...BUILTIN_TYPE_NAMES];
    this.diagnostics.error(
      CODES.unknownType,
      te.span,
      `unknown type '${te.name}'${didYouMean(te.name, candidates)}`,
      "declare it with `type NAME = ...` or use a CEL type (bool, int, uint, double, string, bytes, timestamp, duration, list<T>, map<K, V>, dyn)",
    );
    return T.error;
  }

  private record(te: RecordTypeExpr, name: string | null): Type {
    const cached = this.records.get(te.id);
    if (cached) return cached;
    const fields = new Map<string, RecordField>();
    const record: RecordType = { kind: "record", name, fields };
    this.records.set(te.id, record);
    for (const f of te.fields) {
      if (fields.has(f.name)) {
        this.diagnostics.error(CODES.duplicateField, f.span, `duplicate field '${f.name}' in record type`, "remove or rename one of them");
        continue;
      }
      fields.set(f.name, { type: this.resolve(f.type), optional: f.optional });
    }
    return record;
  }

  private typeArgumentError(te: TypeExpr, name: string, expected: number): void {
    const got = te.kind === "named" ? te.args.length : 0;
    const forms: Record<string, string> = { list: "list<T>", map: "map<K, V>", optional: "optional<T>", type: "type<T>" };
    this.diagnostics.error(
      CODES.typeArguments,
      te.span,
      `type '${name}' takes ${expected} type argument${expected === 1 ? "" : "s"}, got ${got}`,
      forms[name] ? `write ${forms[name]}` : `write ${name} without <...>`,
    );
  }
}

function describe(t: Type): string {
  return t.kind === "record" ? "a record" : typeToString(t);
}
