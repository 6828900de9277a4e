// cel-spec type descriptors (the proto3 JSON of `cel.expr.Type`, as used in a
// test's `typeEnv`) to Edict's static types, and Edict types back to the
// debug form cel-go prints (`list(int)`, `map(string, dyn)`) so the checking
// data can be compared.

import { T, type Type } from "../../compiler/types.js";
import { Unsupported } from "./values.js";

const PRIMITIVES: Record<string, Type> = {
  BOOL: T.bool,
  INT64: T.int,
  UINT64: T.uint,
  DOUBLE: T.double,
  STRING: T.string,
  BYTES: T.bytes,
};

const WELL_KNOWN: Record<string, Type> = {
  TIMESTAMP: T.timestamp,
  DURATION: T.duration,
  "google.protobuf.Timestamp": T.timestamp,
  "google.protobuf.Duration": T.duration,
};

export type ProtoTypeJson = Record<string, unknown>;

/** Throws `Unsupported` for messages, enums, wrappers, `Any`, abstract and function types. */
export function typeFromProto(t: ProtoTypeJson): Type {
  const kinds = Object.keys(t);
  if (kinds.length !== 1) throw new Unsupported(`type with fields ${kinds.join(", ") || "(none)"}`);
  const kind = kinds[0]!;
  const x = t[kind];
  switch (kind) {
    case "dyn":
      return T.dyn;
    case "null":
      return T.null;
    case "primitive": {
      const p = PRIMITIVES[x as string];
      if (!p) throw new Unsupported(`primitive type ${String(x)}`);
      return p;
    }
    case "wellKnown":
    case "messageType": {
      const w = WELL_KNOWN[x as string];
      if (!w) throw new Unsupported(`${kind === "wellKnown" ? "well-known" : "message"} type ${String(x)}`);
      return w;
    }
    case "listType":
      return T.list(typeFromProto((x as { elemType: ProtoTypeJson }).elemType));
    case "mapType": {
      const m = x as { keyType: ProtoTypeJson; valueType: ProtoTypeJson };
      return T.map(typeFromProto(m.keyType), typeFromProto(m.valueType));
    }
    case "type":
      return T.type(typeFromProto(x as ProtoTypeJson));
    default:
      // wrapper, abstractType, typeParam, function, error
      throw new Unsupported(`${kind} types`);
  }
}

/** An Edict type in cel-go's debug spelling: `list(int)`, `map(string, dyn)`, `optional_type(int)`, `type(int)`. */
export function celGoTypeName(t: Type): string {
  switch (t.kind) {
    case "list":
      return `list(${celGoTypeName(t.elem)})`;
    case "map":
      return `map(${celGoTypeName(t.key)}, ${celGoTypeName(t.value)})`;
    case "optional":
      return `optional_type(${celGoTypeName(t.inner)})`;
    case "type":
      return `type(${celGoTypeName(t.of)})`;
    case "timestamp":
      return "google.protobuf.Timestamp";
    case "duration":
      return "google.protobuf.Duration";
    case "record":
      // A record is a map with string keys at runtime; cel-go has no records.
      return "map(string, dyn)";
    case "param":
      return t.name;
    default:
      return t.kind;
  }
}
