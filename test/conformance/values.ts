// cel-spec test values (the proto3 JSON form of `cel.expr.Value`, as shipped
// in @bufbuild/cel-spec's raw testdata) to CelValues, and the comparison the
// runner uses to decide whether a result matches.
//
// Conversion never guesses: a value kind Edict has no counterpart for
// (messages, enums, wrappers, `Any` of anything but Timestamp/Duration)
// raises `Unsupported`, which the loader turns into a skip with its reason.
// The oracle side deliberately does not import the code under test (no
// runtime/lib parsers): a bug there must not hide itself in the expectation.

import {
  CelDuration,
  CelError,
  CelList,
  CelMap,
  CelOptional,
  CelTimestamp,
  CelTypeValue,
  CelUint,
  type CelKey,
  type CelValue,
} from "../../compiler/values.js";

/** A test needs something outside Edict's value model; the message says what. */
export class Unsupported extends Error {}

/** The proto3 JSON of `cel.expr.Value`: exactly one of these keys is set. */
export type ProtoValueJson = Record<string, unknown>;

const WKT_PREFIX = "type.googleapis.com/";

export function celValueFromProto(v: ProtoValueJson): CelValue {
  const kinds = Object.keys(v);
  if (kinds.length !== 1) throw new Unsupported(`value with fields ${kinds.join(", ") || "(none)"}`);
  const kind = kinds[0]!;
  const x = v[kind];
  switch (kind) {
    case "nullValue":
      return null;
    case "boolValue":
      return x as boolean;
    case "int64Value":
      return BigInt(x as string | number);
    case "uint64Value":
      return new CelUint(BigInt(x as string | number));
    case "doubleValue":
      return doubleFromJson(x as string | number);
    case "stringValue":
      return x as string;
    case "bytesValue":
      return new Uint8Array(Buffer.from(x as string, "base64"));
    case "typeValue":
      return new CelTypeValue(x as string);
    case "listValue": {
      const values = ((x as { values?: ProtoValueJson[] }).values ?? []).map(celValueFromProto);
      return new CelList(values);
    }
    case "mapValue": {
      const map = new CelMap();
      for (const e of (x as { entries?: { key: ProtoValueJson; value: ProtoValueJson }[] }).entries ?? []) {
        const key = celValueFromProto(e.key);
        if (!isKey(key)) throw new Unsupported(`map key of kind ${Object.keys(e.key).join()}`);
        map.set(key, celValueFromProto(e.value));
      }
      return map;
    }
    case "objectValue":
      return wellKnownFromAny(x as Record<string, unknown>);
    default:
      // enumValue and anything newer
      throw new Unsupported(`${kind} values`);
  }
}

function doubleFromJson(x: string | number): number {
  if (typeof x === "number") return x;
  if (x === "NaN") return NaN;
  if (x === "Infinity") return Infinity;
  if (x === "-Infinity") return -Infinity;
  return Number(x);
}

function isKey(v: CelValue): v is CelKey {
  return typeof v === "string" || typeof v === "bigint" || typeof v === "boolean" || v instanceof CelUint;
}

/** `Any` holding a Timestamp or Duration (JSON form `{"@type": ..., "value": "..."}`); nothing else. */
function wellKnownFromAny(any: Record<string, unknown>): CelValue {
  const typeUrl = String(any["@type"] ?? "");
  const typeName = typeUrl.startsWith(WKT_PREFIX) ? typeUrl.slice(WKT_PREFIX.length) : typeUrl;
  const text = any["value"];
  if (typeName === "google.protobuf.Duration" && typeof text === "string") {
    const nanos = parseJsonDuration(text);
    if (nanos !== null) return new CelDuration(nanos);
  }
  if (typeName === "google.protobuf.Timestamp" && typeof text === "string") {
    const nanos = parseJsonTimestamp(text);
    if (nanos !== null) return new CelTimestamp(nanos);
  }
  throw new Unsupported(`message value ${typeName || "(untyped Any)"}`);
}

/** Protobuf JSON duration: `-?S(.fffffffff)?s`. */
export function parseJsonDuration(s: string): bigint | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/.exec(s);
  if (!m) return null;
  const nanos = BigInt(m[2]!) * 1_000_000_000n + BigInt((m[3] ?? "").padEnd(9, "0"));
  return m[1] ? -nanos : nanos;
}

/** Protobuf JSON timestamp: RFC 3339 in UTC (`Z`) or with an offset. */
export function parseJsonTimestamp(s: string): bigint | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const millis = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(millis)) return null;
  return BigInt(millis) * 1_000_000n + BigInt((m[2] ?? "").padEnd(9, "0"));
}

/**
 * Type-exact structural equality: `1`, `1u` and `1.0` differ; NaN matches
 * NaN; lists compare in order, maps by key regardless of order; types by name.
 */
export function sameValue(a: CelValue, b: CelValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "number") return typeof b === "number" && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
  if (typeof a !== "object" || typeof b !== "object") return typeof a === typeof b && a === b;
  if (a instanceof CelUint) return b instanceof CelUint && a.value === b.value;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (a instanceof CelTimestamp) return b instanceof CelTimestamp && a.nanos === b.nanos;
  if (a instanceof CelDuration) return b instanceof CelDuration && a.nanos === b.nanos;
  if (a instanceof CelTypeValue) return b instanceof CelTypeValue && a.name === b.name;
  if (a instanceof CelError) return b instanceof CelError;
  if (a instanceof CelOptional) {
    if (!(b instanceof CelOptional) || a.hasValue !== b.hasValue) return false;
    return a.value === undefined || sameValue(a.value, b.value!);
  }
  if (a instanceof CelList) {
    return b instanceof CelList && a.size === b.size && a.items.every((x, i) => sameValue(x, b.items[i]!));
  }
  if (a instanceof CelMap) {
    if (!(b instanceof CelMap) || a.size !== b.size) return false;
    for (const { key, value } of a.entries()) {
      if (!b.has(key) || !sameValue(value, b.get(key)!)) return false;
    }
    return true;
  }
  return false;
}

/** A readable, type-revealing rendering for failure messages (`1u`, `1.0`, `b"..."`). */
export function showValue(v: CelValue): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (Number.isInteger(v) && !Object.is(v, -0)) return `${v}.0`;
    return Object.is(v, -0) ? "-0.0" : String(v);
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof CelUint) return `${v.value}u`;
  if (v instanceof Uint8Array) return `b"${[...v].map((x) => "\\x" + x.toString(16).padStart(2, "0")).join("")}"`;
  if (v instanceof CelTimestamp) return `timestamp(${v.nanos}ns)`;
  if (v instanceof CelDuration) return `duration(${v.nanos}ns)`;
  if (v instanceof CelTypeValue) return `type(${v.name})`;
  if (v instanceof CelError) return `error(${v.message})`;
  if (v instanceof CelOptional) return v.value === undefined ? "optional.none()" : `optional.of(${showValue(v.value)})`;
  if (v instanceof CelList) return `[${v.items.map(showValue).join(", ")}]`;
  if (v instanceof CelMap) {
    return `{${[...v.entries()].map((e) => `${showValue(e.key)}: ${showValue(e.value)}`).join(", ")}}`;
  }
  return String(v);
}
