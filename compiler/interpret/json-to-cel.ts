// Input conversion (spec section 4): a parsed JSON value to a CEL value,
// directed by the input's used type (the declared type pruned to what the
// policy reads, so unread parts are neither converted nor validated).
// Costs no fuel: it is bounded by the input's size, and the Wasm runtime's
// conversion is host code whose cost differs by design (docs/fuel.md).
//
// Errors name the JSON path: `config.exporters["otlp/eu"].tls.insecure:
// expected bool, got string`. Record fields are written `.name` (or
// `["na me"]` when not an identifier), map keys always `["key"]`, list
// positions `[3]`.

import { base64Decode } from "../../runtime/lib/base64.js";
import { parseDuration, parseTimestamp } from "../../runtime/lib/time.js";
import { utf8Length } from "../../runtime/lib/utf8.js";
import { DEFAULT_MEMORY_LIMIT_BYTES, MAX_INPUT_DEPTH } from "../../runtime/types.js";
import { typeToString, type RecordType, type Type } from "../types.js";
import { UNREAD } from "../check/usage.js";
import { CelDuration, CelList, CelMap, CelOptional, CelTimestamp, CelUint, INT64_MAX, INT64_MIN, UINT64_MAX, type CelKey, type CelValue } from "../values.js";

/** A value that does not fit its declared type, at `path`. */
export class InputError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
  get message(): string {
    return `${this.path}: ${this.problem}`;
  }
}

export interface ConversionLimits {
  /** Strings and bytes longer than this (in bytes) are rejected. */
  maxStringBytes: number;
}

const DEFAULT_LIMITS: ConversionLimits = { maxStringBytes: DEFAULT_MEMORY_LIMIT_BYTES };

export function jsonToCel(json: unknown, type: Type, path: string, limits: ConversionLimits = DEFAULT_LIMITS): CelValue | InputError {
  return new Converter(limits).convert(json, type, path, 1);
}

/** Field path segment: `.name` for identifiers, `["..."]` otherwise. */
export function fieldPath(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** How an input value is named in "got ..." messages. */
export function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
    case "object":
      return "object";
    default:
      return typeof v;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

class Converter {
  constructor(private readonly limits: ConversionLimits) {}

  /** `depth`: how many arrays/objects enclose this value, counting itself if it is one. */
  convert(json: unknown, type: Type, path: string, depth: number): CelValue | InputError {
    // A map value the policy never reads is neither checked nor converted (compiler/check/usage.ts).
    if (type === UNREAD) return null;
    const mismatch = () => new InputError(path, `expected ${expectedName(type)}, got ${jsonKind(json)}`);
    if ((Array.isArray(json) || isPlainObject(json)) && depth > MAX_INPUT_DEPTH) {
      return new InputError(path, `nesting deeper than ${MAX_INPUT_DEPTH} levels`);
    }
    switch (type.kind) {
      case "dyn":
        return this.convertDyn(json, path, depth);
      case "bool":
        return typeof json === "boolean" ? json : mismatch();
      case "string":
        return typeof json === "string" ? this.checkString(json, path) : mismatch();
      case "null":
        return json === null ? null : mismatch();
      case "int":
      case "uint":
        return convertInteger(json, type.kind, path) ?? mismatch();
      case "double":
        return convertDouble(json) ?? mismatch();
      case "bytes": {
        if (typeof json !== "string") return mismatch();
        const bytes = base64Decode(json);
        if (bytes === null) return new InputError(path, "expected bytes (a base64 string), got a string that is not base64");
        return bytes.length > this.limits.maxStringBytes ? tooLong(path, this.limits) : bytes;
      }
      case "timestamp": {
        if (typeof json !== "string") return mismatch();
        const nanos = parseTimestamp(json);
        return nanos === null ? new InputError(path, `expected timestamp (RFC 3339), got ${JSON.stringify(json)}`) : new CelTimestamp(nanos);
      }
      case "duration": {
        if (typeof json !== "string") return mismatch();
        const nanos = parseDuration(json);
        return nanos === null ? new InputError(path, `expected duration (like "1h30m" or "60s"), got ${JSON.stringify(json)}`) : new CelDuration(nanos);
      }
      case "optional": {
        if (json === null || json === undefined) return new CelOptional(undefined);
        const inner = this.convert(json, type.inner, path, depth);
        return inner instanceof InputError ? inner : new CelOptional(inner);
      }
      case "list": {
        if (!Array.isArray(json)) return mismatch();
        const items: CelValue[] = [];
        for (let i = 0; i < json.length; i++) {
          const v = this.convert(json[i], type.elem, `${path}[${i}]`, depth + 1);
          if (v instanceof InputError) return v;
          items.push(v);
        }
        return new CelList(items);
      }
      case "map":
        return isPlainObject(json) ? this.convertMap(json, type.key, type.value, path, depth) : mismatch();
      case "record":
        return isPlainObject(json) ? this.convertRecord(json, type, path, depth) : mismatch();
      default:
        return new InputError(path, `an input cannot have type ${typeToString(type)}`);
    }
  }

  private checkString(s: string, path: string): string | InputError {
    // utf8Length <= 3 * length, so only long strings need measuring.
    if (s.length * 3 > this.limits.maxStringBytes && utf8Length(s) > this.limits.maxStringBytes) return tooLong(path, this.limits);
    return s;
  }

  /** CEL's JSON rule: numbers are doubles, objects are map<string, dyn>. */
  private convertDyn(json: unknown, path: string, depth: number): CelValue | InputError {
    if (json === null || typeof json === "boolean" || typeof json === "number") return json as CelValue;
    if (typeof json === "string") return this.checkString(json, path);
    if (typeof json === "bigint") return json >= INT64_MIN && json <= INT64_MAX ? json : Number(json);
    if (Array.isArray(json)) return this.convert(json, { kind: "list", elem: { kind: "dyn" } }, path, depth);
    if (isPlainObject(json)) return this.convertMap(json, { kind: "string" }, { kind: "dyn" }, path, depth);
    return new InputError(path, `expected a JSON value, got ${jsonKind(json)}`);
  }

  private convertMap(json: Record<string, unknown>, keyType: Type, valueType: Type, path: string, depth: number): CelValue | InputError {
    const map = new CelMap();
    for (const name of Object.keys(json)) {
      // A JS host's `undefined` is what JSON.stringify would drop: absent.
      if (json[name] === undefined) continue;
      const keyPath = `${path}[${JSON.stringify(name)}]`;
      const key = convertKey(name, keyType);
      if (key === null) return new InputError(keyPath, `expected a map key of type ${typeToString(keyType)}, got ${JSON.stringify(name)}`);
      const checked = typeof key === "string" ? this.checkString(key, keyPath) : key;
      if (checked instanceof InputError) return checked;
      const v = this.convert(json[name], valueType, keyPath, depth + 1);
      if (v instanceof InputError) return v;
      map.set(key, v);
    }
    return map;
  }

  /** Declared (and used) fields only; an optional field that is absent or null is left out. */
  private convertRecord(json: Record<string, unknown>, type: RecordType, path: string, depth: number): CelValue | InputError {
    const map = new CelMap();
    for (const [name, field] of type.fields) {
      const p = fieldPath(path, name);
      const present = hasOwn(json, name) && json[name] !== undefined;
      const raw = present ? json[name] : undefined;
      if (!present || (raw === null && field.optional && !acceptsNull(field.type))) {
        if (field.optional) continue;
        return new InputError(p, `missing required field of type ${expectedName(field.type)}`);
      }
      const v = this.convert(raw, field.type, p, depth + 1);
      if (v instanceof InputError) return v;
      map.set(name, v);
    }
    return map;
  }
}

function tooLong(path: string, limits: ConversionLimits): InputError {
  return new InputError(path, `string longer than the memory limit of ${limits.maxStringBytes} bytes`);
}

function acceptsNull(t: Type): boolean {
  return t.kind === "null" || t.kind === "dyn" || t.kind === "optional";
}

function expectedName(t: Type): string {
  return t.kind === "record" ? (t.name ?? "object") : typeToString(t);
}

function convertInteger(json: unknown, kind: "int" | "uint", path: string): CelValue | InputError | null {
  let n: bigint;
  if (typeof json === "bigint") n = json;
  else if (typeof json === "number") {
    if (!Number.isInteger(json)) return new InputError(path, `expected ${kind}, got non-integral number ${json}`);
    n = BigInt(json);
  } else return null;
  if (kind === "int") return n >= INT64_MIN && n <= INT64_MAX ? n : new InputError(path, `number ${n} is out of the int range`);
  return n >= 0n && n <= UINT64_MAX ? new CelUint(n) : new InputError(path, `number ${n} is out of the uint range`);
}

/** JSON numbers; also the strings proto3 JSON uses for non-finite doubles. */
function convertDouble(json: unknown): number | null {
  if (typeof json === "number") return json;
  if (typeof json === "bigint") return Number(json);
  if (json === "NaN") return Number.NaN;
  if (json === "Infinity") return Number.POSITIVE_INFINITY;
  if (json === "-Infinity") return Number.NEGATIVE_INFINITY;
  return null;
}

/** JSON object keys are strings; other key types parse them (`"1"` for int, `"true"` for bool). */
function convertKey(name: string, keyType: Type): CelKey | null {
  switch (keyType.kind) {
    case "string":
    case "dyn":
      return name;
    case "bool":
      return name === "true" ? true : name === "false" ? false : null;
    case "int":
    case "uint": {
      if (!/^-?(0|[1-9][0-9]*)$/.test(name)) return null;
      const n = BigInt(name);
      if (keyType.kind === "int") return n >= INT64_MIN && n <= INT64_MAX ? n : null;
      return n >= 0n && n <= UINT64_MAX ? new CelUint(n) : null;
    }
    default:
      return null;
  }
}
