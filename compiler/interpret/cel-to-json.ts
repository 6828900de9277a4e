// CEL values as JSON (spec section 9), for the decision's `outputs`.
// Maps become objects in key order (the spec's iteration order), with keys
// rendered as `string()` renders them.

import { base64Encode } from "../../runtime/lib/base64.js";
import { formatDuration, formatTimestamp } from "../../runtime/lib/time.js";
import { CelDuration, CelError, CelList, CelMap, CelOptional, CelTimestamp, CelTypeValue, CelUint, type CelValue } from "../values.js";
import { sortedKeys } from "./access.js";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function celToJson(value: CelValue): unknown {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "bigint") return integerToJson(value);
  if (value instanceof CelUint) return integerToJson(value.value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Number.POSITIVE_INFINITY) return "Infinity";
    if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
    return value;
  }
  if (value instanceof Uint8Array) return base64Encode(value);
  if (value instanceof CelTimestamp) return formatTimestamp(value.nanos);
  if (value instanceof CelDuration) return formatDuration(value.nanos);
  if (value instanceof CelList) return value.items.map(celToJson);
  if (value instanceof CelMap) {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) {
      const name = typeof key === "string" ? key : key instanceof CelUint ? key.value.toString() : String(key);
      Object.defineProperty(out, name, { value: celToJson(value.get(key)!), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (value instanceof CelOptional) return value.value === undefined ? null : celToJson(value.value);
  if (value instanceof CelTypeValue) return value.name;
  if (value instanceof CelError) throw new TypeError(`celToJson: an error is not a value: ${value.message}`);
  throw new TypeError("celToJson: unknown value");
}

/** Safe integers as numbers, larger magnitudes as decimal strings (no precision lost). */
function integerToJson(n: bigint): number | string {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
}
