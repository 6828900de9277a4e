// Types of values at run time: CEL's type names (for `type()`, messages and
// `dyn` dispatch) and whether a value fits an overload's parameter type.

import type { Type } from "../types.js";
import {
  CelDuration,
  CelError,
  CelList,
  CelMap,
  CelOptional,
  CelTimestamp,
  CelTypeValue,
  CelUint,
  type CelValue,
} from "../values.js";

/** CEL's name for the type of a value: `int`, `list`, `google.protobuf.Timestamp`, ... */
export function celTypeName(v: CelValue): string {
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
  if (v instanceof CelUint) return "uint";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof CelList) return "list";
  if (v instanceof CelMap) return "map";
  if (v instanceof CelTimestamp) return "google.protobuf.Timestamp";
  if (v instanceof CelDuration) return "google.protobuf.Duration";
  if (v instanceof CelOptional) return "optional_type";
  if (v instanceof CelTypeValue) return "type";
  if (v instanceof CelError) return "error";
  return "unknown";
}

/** CEL's name for a static type used as a value (`int`, `list`, `map`, ...). */
export function staticTypeName(t: Type): string {
  switch (t.kind) {
    case "null":
      return "null_type";
    case "timestamp":
      return "google.protobuf.Timestamp";
    case "duration":
      return "google.protobuf.Duration";
    case "record":
      return "map";
    case "optional":
      return "optional_type";
    default:
      return t.kind;
  }
}

/**
 * Does `v` fit parameter type `t`? Type parameters and `dyn` accept anything;
 * a list or map type checks its elements only when the element type is
 * concrete (so `sum(list<dyn>)` picks the overload its elements fit).
 */
export function valueFitsType(v: CelValue, t: Type, declared = false): boolean {
  switch (t.kind) {
    case "dyn":
    case "param":
    case "error":
      return true;
    case "bool":
      return typeof v === "boolean";
    case "int":
      return typeof v === "bigint";
    case "uint":
      return v instanceof CelUint;
    case "double":
      return typeof v === "number";
    case "string":
      return typeof v === "string";
    case "bytes":
      return v instanceof Uint8Array;
    case "null":
      return v === null;
    case "timestamp":
      return v instanceof CelTimestamp;
    case "duration":
      return v instanceof CelDuration;
    case "type":
      return v instanceof CelTypeValue;
    case "optional":
      return v instanceof CelOptional && (v.value === undefined || valueFitsType(v.value, t.inner, declared));
    case "list":
      if (isOpen(t.elem)) return v instanceof CelList;
      return v instanceof CelList && v.items.every((item) => valueFitsType(item, t.elem, declared));
    case "map":
      if (!(v instanceof CelMap)) return false;
      if (isOpen(t.key) && isOpen(t.value)) return true;
      for (const { key, value } of v.entries()) {
        if (!valueFitsType(key, t.key, declared) || !valueFitsType(value, t.value, declared)) return false;
      }
      return true;
    case "record":
      if (!(v instanceof CelMap)) return false;
      // As a declared type that generated code relies on (check/runtime-checks.ts): present fields must fit too.
      if (declared) {
        for (const [name, field] of t.fields) {
          const value = v.get(name);
          if (value !== undefined && !valueFitsType(value, field.type, true)) return false;
        }
      }
      return true;
  }
}

function isOpen(t: Type): boolean {
  return t.kind === "dyn" || t.kind === "param" || t.kind === "error";
}
