// Input conversion (spec section 4) on the host: a JSON value to runtime
// values, directed by the input's used type. Costs no fuel. Errors name the
// JSON path exactly as the reference interpreter does.

import { base64Decode } from "../lib/base64.js";
import { utf8Length } from "../lib/utf8.js";
import { MAX_INPUT_DEPTH } from "../types.js";
import type { TimeParsers } from "./helper-time.js";
import { descToString, type TypeDesc } from "./type-desc.js";
import { CMap, Duration, INT64_MAX, INT64_MIN, List, Optional, Timestamp, UINT64_MAX, Uint, type Key, type Value } from "./values.js";

/** A value that does not fit its type; the JSON path is assembled while unwinding (no path strings on success). */
export class InputProblem {
  /** Path segments, innermost first. */
  readonly segments: string[] = [];
  constructor(readonly problem: string) {}
  at(segment: string): InputProblem {
    this.segments.push(segment);
    return this;
  }
  message(root: string): string {
    return `${root}${this.segments.reverse().join("")}: ${this.problem}`;
  }
}

export function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
    case "bigint":
      return "number";
    default:
      return typeof v;
  }
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const keySegment = (name: string) => `[${JSON.stringify(name)}]`;
const fieldSegment = (name: string) => (IDENT.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function expectedName(t: TypeDesc): string {
  return Array.isArray(t) && t[0] === "rec" ? (t[1] ?? "object") : descToString(t);
}

const MAP_STRING_DYN: TypeDesc = ["map", "string", "dyn"];
const LIST_DYN: TypeDesc = ["list", "dyn"];

export class Converter {
  /**
   * With `build` false the converter only validates (design B of
   * docs/design/input-abi.md): containers come back as null. `time` parses
   * timestamps and durations: the bundle's helpers (codegen keeps them in a
   * bundle whose inputs hold such types).
   */
  constructor(
    private readonly maxStringBytes: number,
    private readonly time: TimeParsers,
    private readonly build = true,
  ) {}

  convert(json: unknown, type: TypeDesc, depth: number): Value | InputProblem {
    // "skip": a map value the policy never reads is neither checked nor converted.
    if (type === "skip") return null;
    if (depth > MAX_INPUT_DEPTH && typeof json === "object" && json !== null && !(json instanceof Uint8Array)) {
      return new InputProblem(`nesting deeper than ${MAX_INPUT_DEPTH} levels`);
    }
    if (typeof type === "string") {
      switch (type) {
        case "dyn":
          return this.dyn(json, depth);
        case "bool":
          return typeof json === "boolean" ? json : mismatched(json, type);
        case "string":
          return typeof json === "string" ? this.str(json) : mismatched(json, type);
        case "null":
          return json === null ? null : mismatched(json, type);
        case "int":
        case "uint":
          return integer(json, type) ?? mismatched(json, type);
        case "double":
          return double(json) ?? mismatched(json, type);
        case "bytes": {
          if (typeof json !== "string") return mismatched(json, type);
          const bytes = base64Decode(json);
          if (bytes === null) return new InputProblem("expected bytes (a base64 string), got a string that is not base64");
          return bytes.length > this.maxStringBytes ? this.tooLong() : bytes;
        }
        case "timestamp": {
          if (typeof json !== "string") return mismatched(json, type);
          const n = this.time.timestamp(json);
          return n === null ? new InputProblem(`expected timestamp (RFC 3339), got ${JSON.stringify(json)}`) : new Timestamp(n);
        }
        case "duration": {
          if (typeof json !== "string") return mismatched(json, type);
          const n = this.time.duration(json);
          return n === null ? new InputProblem(`expected duration (like "1h30m" or "60s"), got ${JSON.stringify(json)}`) : new Duration(n);
        }
        default:
          return new InputProblem(`an input cannot have type ${descToString(type)}`);
      }
    }
    switch (type[0]) {
      case "opt": {
        if (json === null || json === undefined) return new Optional(undefined);
        const inner = this.convert(json, type[1], depth);
        return inner instanceof InputProblem ? inner : new Optional(inner);
      }
      case "list": {
        if (!Array.isArray(json)) return mismatched(json, type);
        const items: Value[] = [];
        for (let i = 0; i < json.length; i++) {
          const v = this.convert(json[i], type[1], depth + 1);
          if (v instanceof InputProblem) return v.at(`[${i}]`);
          items.push(v);
        }
        return this.build ? new List(items) : null;
      }
      case "map":
        return isObject(json) ? this.map(json, type[1], type[2], depth) : mismatched(json, type);
      case "rec":
        return isObject(json) ? this.record(json, type[2], depth) : mismatched(json, type);
      default:
        return new InputProblem(`an input cannot have type ${descToString(type)}`);
    }
  }

  private tooLong(): InputProblem {
    return new InputProblem(`string longer than the memory limit of ${this.maxStringBytes} bytes`);
  }

  private str(s: string): string | InputProblem {
    if (s.length * 3 > this.maxStringBytes && utf8Length(s) > this.maxStringBytes) return this.tooLong();
    return s;
  }

  private dyn(json: unknown, depth: number): Value | InputProblem {
    if (json === null || typeof json === "boolean" || typeof json === "number") return json as Value;
    if (typeof json === "string") return this.str(json);
    if (typeof json === "bigint") return json >= INT64_MIN && json <= INT64_MAX ? json : Number(json);
    if (Array.isArray(json)) return this.convert(json, LIST_DYN, depth);
    if (isObject(json)) return this.convert(json, MAP_STRING_DYN, depth);
    return new InputProblem(`expected a JSON value, got ${jsonKind(json)}`);
  }

  private map(json: Record<string, unknown>, keyType: TypeDesc, valueType: TypeDesc, depth: number): Value | InputProblem {
    const out = this.build ? new CMap() : null;
    for (const name of Object.keys(json)) {
      if (json[name] === undefined) continue;
      const key = mapKey(name, keyType);
      if (key === null) {
        return new InputProblem(`expected a map key of type ${descToString(keyType)}, got ${JSON.stringify(name)}`).at(keySegment(name));
      }
      if (typeof key === "string") {
        const checked = this.str(key);
        if (checked instanceof InputProblem) return checked.at(keySegment(name));
      }
      const v = this.convert(json[name], valueType, depth + 1);
      if (v instanceof InputProblem) return v.at(keySegment(name));
      out?.set(key, v);
    }
    return out;
  }

  private record(json: Record<string, unknown>, fields: [string, 0 | 1, TypeDesc][], depth: number): Value | InputProblem {
    const out = this.build ? new CMap() : null;
    for (const [name, optional, type] of fields) {
      const own = json[name];
      const present = own !== undefined && Object.hasOwn(json, name);
      const raw = present ? own : undefined;
      if (!present || (raw === null && optional && !acceptsNull(type))) {
        if (optional) continue;
        return new InputProblem(`missing required field of type ${expectedName(type)}`).at(fieldSegment(name));
      }
      const v = this.convert(raw, type, depth + 1);
      if (v instanceof InputProblem) return v.at(fieldSegment(name));
      out?.set(name, v);
    }
    return out;
  }
}

function mismatched(json: unknown, type: TypeDesc): InputProblem {
  return new InputProblem(`expected ${expectedName(type)}, got ${jsonKind(json)}`);
}

function acceptsNull(t: TypeDesc): boolean {
  return t === "null" || t === "dyn" || (Array.isArray(t) && t[0] === "opt");
}

function integer(json: unknown, kind: "int" | "uint"): Value | InputProblem | null {
  const fail = (problem: string) => new InputProblem(problem);
  let n: bigint;
  if (typeof json === "bigint") n = json;
  else if (typeof json === "number") {
    if (!Number.isInteger(json)) return fail(`expected ${kind}, got non-integral number ${json}`);
    n = BigInt(json);
  } else return null;
  if (kind === "int") return n >= INT64_MIN && n <= INT64_MAX ? n : fail(`number ${n} is out of the int range`);
  return n >= 0n && n <= UINT64_MAX ? new Uint(n) : fail(`number ${n} is out of the uint range`);
}

function double(json: unknown): number | null {
  if (typeof json === "number") return json;
  if (typeof json === "bigint") return Number(json);
  if (json === "NaN") return Number.NaN;
  if (json === "Infinity") return Number.POSITIVE_INFINITY;
  if (json === "-Infinity") return Number.NEGATIVE_INFINITY;
  return null;
}

function mapKey(name: string, keyType: TypeDesc): Key | null {
  switch (keyType) {
    case "string":
    case "dyn":
      return name;
    case "bool":
      return name === "true" ? true : name === "false" ? false : null;
    case "int":
    case "uint": {
      if (!/^-?(0|[1-9][0-9]*)$/.test(name)) return null;
      const n = BigInt(name);
      if (keyType === "int") return n >= INT64_MIN && n <= INT64_MAX ? n : null;
      return n >= 0n && n <= UINT64_MAX ? new Uint(n) : null;
    }
    default:
      return null;
  }
}
