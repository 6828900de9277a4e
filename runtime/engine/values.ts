// CEL values on the runtime's host side. The runtime may not import the
// compiler, so this mirrors compiler/values.ts (same representation, same
// key canonicalisation) for the values that Wasm code refers to by handle.
//
//   null -> null, bool -> boolean, int -> bigint, uint -> Uint, double -> number,
//   string -> string, bytes -> Uint8Array, list -> List, map -> CMap,
//   timestamp -> Timestamp, duration -> Duration, optional -> Optional,
//   type -> TypeValue, error -> Err

import { compareUtf8 } from "../lib/utf8.js";

export class Uint {
  constructor(readonly value: bigint) {}
}
export class Timestamp {
  constructor(readonly nanos: bigint) {}
}
export class Duration {
  constructor(readonly nanos: bigint) {}
}
export class Optional {
  /** `undefined` is optional.none(). */
  constructor(readonly value: Value | undefined) {}
}
export class TypeValue {
  constructor(readonly name: string) {}
}
export class Err {
  constructor(readonly message: string) {}
}
export class List {
  constructor(readonly items: readonly Value[]) {}
  get size(): number {
    return this.items.length;
  }
}

export type Key = boolean | bigint | Uint | string;

/** Entries keyed by type tag + value, so `1` and `1u` are different keys (as in CEL). */
export class CMap {
  /** String keys (the common case) by themselves; other keys by type tag + value, so `1` and `1u` differ. */
  private readonly strings = new Map<string, Value>();
  /** Created on the first non-string key (most maps never have one). */
  private others: Map<string, { key: Key; value: Value }> | undefined;
  /** Keys in iteration order, computed once (maps do not change after construction). */
  sorted: Key[] | undefined;
  static keyId(key: Exclude<Key, string>): string {
    if (typeof key === "bigint") return "i" + key.toString();
    if (typeof key === "boolean") return key ? "bt" : "bf";
    return "u" + key.value.toString();
  }
  get size(): number {
    return this.strings.size + (this.others?.size ?? 0);
  }
  has(key: Key): boolean {
    return typeof key === "string" ? this.strings.has(key) : (this.others?.has(CMap.keyId(key)) ?? false);
  }
  get(key: Key): Value | undefined {
    return typeof key === "string" ? this.strings.get(key) : this.others?.get(CMap.keyId(key))?.value;
  }
  set(key: Key, value: Value): void {
    this.sorted = undefined;
    if (typeof key === "string") this.strings.set(key, value);
    else (this.others ??= new Map()).set(CMap.keyId(key), { key, value });
  }
  *entries(): IterableIterator<{ key: Key; value: Value }> {
    for (const [key, value] of this.strings) yield { key, value };
    if (this.others) yield* this.others.values();
  }
  keys(): Key[] {
    const out: Key[] = [...this.strings.keys()];
    if (this.others) for (const e of this.others.values()) out.push(e.key);
    return out;
  }
}

export type Value =
  | null
  | boolean
  | bigint
  | Uint
  | number
  | string
  | Uint8Array
  | List
  | CMap
  | Timestamp
  | Duration
  | Optional
  | TypeValue
  | Err;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

export function typeName(v: Value): string {
  if (v === null) return "null_type";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return "double";
    case "string":
      return "string";
  }
  if (v instanceof Uint) return "uint";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof List) return "list";
  if (v instanceof CMap) return "map";
  if (v instanceof Timestamp) return "google.protobuf.Timestamp";
  if (v instanceof Duration) return "google.protobuf.Duration";
  if (v instanceof Optional) return "optional_type";
  if (v instanceof TypeValue) return "type";
  if (v instanceof Err) return "error";
  return "unknown";
}

export function asKey(v: Value): Key | null {
  if (typeof v === "string" || typeof v === "bigint" || typeof v === "boolean" || v instanceof Uint) return v;
  return null;
}

/** The keys a lookup of `k` may match: CEL compares numeric keys by value across int, uint and double. */
function candidateKeys(k: Value): Key[] {
  if (typeof k === "string" || typeof k === "boolean") return [k];
  let n: bigint;
  if (typeof k === "bigint") n = k;
  else if (k instanceof Uint) n = k.value;
  else if (typeof k === "number" && Number.isInteger(k)) n = BigInt(k);
  else return [];
  const out: Key[] = [];
  if (n >= INT64_MIN && n <= INT64_MAX) out.push(n);
  if (n >= 0n && n <= UINT64_MAX) out.push(new Uint(n));
  return out;
}

export function mapLookup(m: CMap, k: Value): Value | undefined {
  for (const key of candidateKeys(k)) {
    const v = m.get(key);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function mapHasEqualKey(m: CMap, k: Key): boolean {
  return candidateKeys(k).some((key) => m.has(key));
}

export function isKeyValue(k: Value): boolean {
  return typeof k === "string" || typeof k === "boolean" || typeof k === "bigint" || k instanceof Uint || typeof k === "number";
}

export function keyToString(k: Value): string {
  if (typeof k === "string") return k;
  if (k instanceof Uint) return `${k.value}u`;
  return String(k);
}

/** Strings by UTF-8 bytes, numbers numerically (int before the equal uint), false < true; bools, numbers, strings. */
export function compareKeys(a: Key, b: Key): number {
  const rank = (k: Key) => (typeof k === "boolean" ? 0 : typeof k === "string" ? 2 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") return compareUtf8(a, b as string);
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  const x = typeof a === "bigint" ? a : a.value;
  const y = typeof b === "bigint" ? b : (b as Uint).value;
  if (x !== y) return x < y ? -1 : 1;
  return Number(a instanceof Uint) - Number(b instanceof Uint);
}

export function sortedKeys(m: CMap): Key[] {
  return (m.sorted ??= sortKeys(m.keys()));
}

/**
 * UTF-16 order is UTF-8 order except between U+E000-U+FFFF and surrogates
 * (supplementary code points): without the former the two orders agree.
 */
const NOT_UTF16_ORDERED = /[\ue000-\uffff]/;

/**
 * Keys in CEL's order. Large maps of strings without U+E000-U+FFFF (component
 * ids) take the engine's own sort, whose UTF-16 order is then UTF-8 order: on
 * the heavy rollout a map of 150 exporters costs ~1 100 comparator calls.
 */
function sortKeys(keys: Key[]): Key[] {
  if (keys.length >= 16) return keys.every((k) => typeof k === "string" && !NOT_UTF16_ORDERED.test(k)) ? keys.sort() : keys.sort(compareKeys);
  // Small maps (three keys on the rollout): an insertion sort here, where the comparator inlines, beats a sort call.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i;
    for (; j > 0 && compareKeys(keys[j - 1]!, k) > 0; j--) keys[j] = keys[j - 1]!;
    keys[j] = k;
  }
  return keys;
}

/** The list position an index denotes: int, uint or an integral double. */
export function listPosition(index: Value): bigint | Err {
  if (typeof index === "bigint") return index;
  if (index instanceof Uint) return index.value;
  if (typeof index === "number") {
    if (!Number.isInteger(index)) return new Err(`unsupported index value: ${index}`);
    return BigInt(index);
  }
  return new Err(`unsupported index type: ${typeName(index)}`);
}
