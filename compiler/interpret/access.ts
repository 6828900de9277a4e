// Reading parts of values: map lookup (with CEL's cross-type numeric keys),
// list indexing, field selection, and the deterministic iteration order of
// map keys (spec section 5) shared by `for` clauses, macros and JSON output.

import { compareUtf8 } from "../../runtime/lib/utf8.js";
import { CelError, CelList, CelMap, CelUint, INT64_MAX, INT64_MIN, UINT64_MAX, type CelKey, type CelValue } from "../values.js";
import { celTypeName } from "./runtime-type.js";

/** A value usable as a map key, or null when its type cannot be one. */
export function asKey(v: CelValue): CelKey | null {
  if (typeof v === "string" || typeof v === "bigint" || typeof v === "boolean" || v instanceof CelUint) return v;
  return null;
}

/**
 * The keys a lookup of `k` may match: `k` itself and, for numbers, the equal
 * int and uint keys (CEL compares numeric map keys by value: `m[1u]` and
 * `m[1.0]` find key `1`). Empty when `k` is not a key type or a non-integral
 * double.
 */
export function candidateKeys(k: CelValue): CelKey[] {
  if (typeof k === "string" || typeof k === "boolean") return [k];
  let n: bigint;
  if (typeof k === "bigint") n = k;
  else if (k instanceof CelUint) n = k.value;
  else if (typeof k === "number" && Number.isInteger(k)) n = BigInt(k);
  else return [];
  const out: CelKey[] = [];
  if (n >= INT64_MIN && n <= INT64_MAX) out.push(n);
  if (n >= 0n && n <= UINT64_MAX) out.push(new CelUint(n));
  return out;
}

/** Looks `k` up in `m`; undefined when absent. */
export function mapLookup(m: CelMap, k: CelValue): CelValue | undefined {
  for (const key of candidateKeys(k)) {
    const v = m.get(key);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Is there already a key equal to `k` (across numeric types)? */
export function mapHasEqualKey(m: CelMap, k: CelKey): boolean {
  return candidateKeys(k).some((key) => m.has(key));
}

export function isValidMapKeyValue(k: CelValue): boolean {
  return typeof k === "string" || typeof k === "boolean" || typeof k === "bigint" || k instanceof CelUint || typeof k === "number";
}

export function keyToString(k: CelValue): string {
  if (typeof k === "string") return k;
  if (k instanceof CelUint) return `${k.value}u`;
  return String(k);
}

/** `m[k]`: the value, or CEL's "no such key" error. */
export function indexMap(m: CelMap, k: CelValue): CelValue {
  if (!isValidMapKeyValue(k)) return new CelError(`unsupported map key type: ${celTypeName(k)}`);
  const v = mapLookup(m, k);
  return v === undefined ? new CelError(`no such key: ${keyToString(k)}`) : v;
}

/** The list position an index value denotes, or an error (CEL accepts int, uint and integral doubles). */
export function listPosition(index: CelValue): bigint | CelError {
  let n: bigint;
  if (typeof index === "bigint") n = index;
  else if (index instanceof CelUint) n = index.value;
  else if (typeof index === "number") {
    if (!Number.isInteger(index)) return new CelError(`unsupported index value: ${index}`);
    n = BigInt(index);
  } else return new CelError(`unsupported index type: ${celTypeName(index)}`);
  return n;
}

/** `l[i]`: the element, or an index error. */
export function indexList(l: CelList, index: CelValue): CelValue {
  const i = listPosition(index);
  if (i instanceof CelError) return i;
  if (i < 0n || i >= BigInt(l.size)) return new CelError(`index out of range: ${i}`);
  return l.items[Number(i)]!;
}

/**
 * Map keys in the spec's iteration order: strings by UTF-8 bytes, ints and
 * uints numerically (an int before the equal uint), false < true; a map
 * mixing kinds (only possible under `dyn`) puts bools, then numbers, then strings.
 */
export function sortedKeys(m: CelMap): CelKey[] {
  const keys = [...m.entries()].map((e) => e.key);
  return keys.sort(compareKeys);
}

function keyRank(k: CelKey): number {
  if (typeof k === "boolean") return 0;
  if (typeof k === "string") return 2;
  return 1;
}

export function compareKeys(a: CelKey, b: CelKey): number {
  const ra = keyRank(a);
  const rb = keyRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") return compareUtf8(a, b as string);
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  const x = typeof a === "bigint" ? a : a.value;
  const y = typeof b === "bigint" ? b : (b as CelUint).value;
  if (x !== y) return x < y ? -1 : 1;
  return Number(a instanceof CelUint) - Number(b instanceof CelUint);
}
