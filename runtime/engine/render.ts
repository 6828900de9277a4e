// Runtime values to JSON for the decision's `outputs` (spec section 9), and
// the manifest's constant encoding back to values.

import { base64Decode, base64Encode } from "../lib/base64.js";
import { formatDuration, formatTimestamp } from "../lib/time.js";
import { CMap, Duration, Err, List, Optional, Timestamp, TypeValue, Uint, sortedKeys, type Key, type Value } from "./values.js";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function integer(n: bigint): number | string {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
}

export function toJson(v: Value): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "bigint") return integer(v);
  if (v instanceof Uint) return integer(v.value);
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : v;
  if (v instanceof Uint8Array) return base64Encode(v);
  if (v instanceof Timestamp) return formatTimestamp(v.nanos);
  if (v instanceof Duration) return formatDuration(v.nanos);
  if (v instanceof List) return v.items.map(toJson);
  if (v instanceof CMap) {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(v)) {
      const name = typeof key === "string" ? key : key instanceof Uint ? key.value.toString() : String(key);
      Object.defineProperty(out, name, { value: toJson(v.get(key)!), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (v instanceof Optional) return v.value === undefined ? null : toJson(v.value);
  if (v instanceof TypeValue) return v.name;
  throw new TypeError(`an error is not a value: ${(v as Err).message}`);
}

/** A constant as the manifest encodes it: `[tag, payload]` (see docs/design/wasm-abi.md). */
export type EncodedConst = [string, ...unknown[]];

export function decodeConst(c: unknown): Value {
  if (!Array.isArray(c) || typeof c[0] !== "string") throw new Error("bad constant");
  const p = c[1];
  switch (c[0]) {
    case "n":
      return null;
    case "t":
      return p === true;
    case "i":
      return BigInt(p as string);
    case "u":
      return new Uint(BigInt(p as string));
    case "d":
      return Number(p as string);
    case "s":
      return String(p);
    case "b": {
      const bytes = base64Decode(String(p));
      if (!bytes) throw new Error("bad bytes constant");
      return bytes;
    }
    case "ts":
      return new Timestamp(BigInt(p as string));
    case "du":
      return new Duration(BigInt(p as string));
    case "l":
      return new List((p as unknown[]).map(decodeConst));
    case "m": {
      const m = new CMap();
      for (const [k, v] of p as [unknown, unknown][]) m.set(decodeConst(k) as Key, decodeConst(v));
      return m;
    }
    case "o":
      return new Optional(c.length > 1 ? decodeConst(p) : undefined);
    case "ty":
      return new TypeValue(String(p));
    case "e":
      return new Err(String(p));
    default:
      throw new Error(`bad constant tag ${String(c[0])}`);
  }
}
