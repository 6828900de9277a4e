// Field selection, indexing and the building of list and map values, over
// runtime values: what the host's `select`, `has`, `index`, `list_add`,
// `map_add` and `map_merge` imports do once handles are resolved. Errors are
// returned as Err values with the interpreter's messages.

import { containersOf } from "./library.js";
import {
  CMap, Err, List, Optional, asKey, isKeyValue, keyToString, listPosition, mapHasEqualKey, mapLookup, typeName, type Value,
} from "./values.js";

/** `x.f`, or `x.?f` (`optional`); through an optional operand the result is optional. */
export function selectField(operand: Value, field: string, optional: boolean): Value {
  if (operand instanceof Optional) return operand.value === undefined ? operand : pick(operand.value, field, true);
  return pick(operand, field, optional);
}

function pick(v: Value, field: string, asOptional: boolean): Value {
  if (!(v instanceof CMap)) return new Err(`type '${typeName(v)}' does not support field selection`);
  const found = v.get(field);
  if (asOptional) return new Optional(found);
  return found === undefined ? new Err(`no such key: ${field}`) : found;
}

/** `has(x.f)`. */
export function hasField(operand: Value, field: string): boolean | Err {
  if (operand instanceof Optional) {
    if (operand.value === undefined) return false;
    operand = operand.value;
  }
  if (operand instanceof CMap) return operand.has(field);
  return new Err(`type '${typeName(operand)}' does not support field selection`);
}

/** `x[i]`, or `x[?i]` (`optional`); through an optional operand the result is optional. */
export function indexValue(operand: Value, index: Value, optional: boolean): Value {
  if (operand instanceof Optional) return operand.value === undefined ? operand : optionalIndex(operand.value, index);
  if (optional) return optionalIndex(operand, index);
  if (operand instanceof List) {
    const i = listPosition(index);
    if (i instanceof Err) return i;
    if (i < 0n || i >= BigInt(operand.size)) return new Err(`index out of range: ${i}`);
    return operand.items[Number(i)]!;
  }
  if (operand instanceof CMap) {
    if (!isKeyValue(index)) return new Err(`unsupported map key type: ${typeName(index)}`);
    const v = mapLookup(operand, index);
    return v === undefined ? new Err(`no such key: ${keyToString(index)}`) : v;
  }
  return new Err(`type '${typeName(operand)}' does not support indexing`);
}

function optionalIndex(v: Value, index: Value): Value {
  if (v instanceof List) {
    const i = listPosition(index);
    if (i instanceof Err) return i;
    return new Optional(i >= 0n && i < BigInt(v.size) ? v.items[Number(i)] : undefined);
  }
  if (v instanceof CMap) {
    if (!isKeyValue(index)) return new Err(`unsupported map key type: ${typeName(index)}`);
    return new Optional(mapLookup(v, index));
  }
  return new Err(`type '${typeName(v)}' does not support indexing`);
}

/** Appends to a list being built (a literal or a comprehension's result); `?v` adds nothing for none. */
export function appendItem(list: List, v: Value, optional: boolean): Err | null {
  if (optional) {
    if (!(v instanceof Optional)) return new Err(`optional list element is a ${typeName(v)}, not an optional`);
    if (v.value === undefined) return null;
    v = v.value;
  }
  (list as unknown as { items: Value[] }).items.push(v);
  return null;
}

/** Adds an entry to a map literal being built; `?k: v` adds nothing for none; keys must be unique. */
export function addEntry(map: CMap, k: Value, v: Value, optional: boolean): Err | null {
  const key = asKey(k);
  if (key === null) return new Err(`unsupported map key type: ${typeName(k)}`);
  if (optional) {
    if (!(v instanceof Optional)) return new Err(`optional map entry is a ${typeName(v)}, not an optional`);
    if (v.value === undefined) return null;
    v = v.value;
  }
  if (mapHasEqualKey(map, key)) return new Err(`duplicate map key: ${keyToString(key)}`);
  map.set(key, v);
  return null;
}

/** transformMapEntry: merges one body result into the map being built. */
export function mergeEntries(out: CMap, v: Value): Err | null {
  if (!(v instanceof CMap)) return new Err(`transformMapEntry body must return a map, got ${typeName(v)}`);
  for (const { key, value } of v.entries()) {
    if (mapHasEqualKey(out, key)) return new Err(`transformMapEntry: duplicate key ${keyToString(key)}`);
    out.set(key, value);
  }
  return null;
}

/** Lists and maps of runtime values, for the work term of deep equality (library.ts). */
export const CONTAINERS = containersOf(
  (v) => v instanceof List || v instanceof CMap,
  (v) => (v instanceof List ? v.items : [...(v as CMap).entries()].map((e) => e.value)),
);
