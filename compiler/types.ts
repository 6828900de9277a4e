// Static types: what the checker assigns to every expression, what the
// manifest records for each input, and what the input converter is directed by.

export type Type =
  | { kind: "bool" }
  | { kind: "int" }
  | { kind: "uint" }
  | { kind: "double" }
  | { kind: "string" }
  | { kind: "bytes" }
  | { kind: "null" }
  | { kind: "timestamp" }
  | { kind: "duration" }
  | { kind: "dyn" }
  | { kind: "error" }
  | { kind: "list"; elem: Type }
  | { kind: "map"; key: Type; value: Type }
  | { kind: "optional"; inner: Type }
  | RecordType
  /** The type of a type value, e.g. `type(1)` has type `type<int>`. */
  | { kind: "type"; of: Type }
  /** A type parameter inside an overload signature (`A`, `K`, `V`). */
  | { kind: "param"; name: string };

export interface RecordField {
  type: Type;
  /** Declared with `?`: may be absent from the input. */
  optional: boolean;
}

/** A record is a CEL map with string keys at runtime; statically its fields are typed. */
export interface RecordType {
  kind: "record";
  /** The declared name (`Agent`), or null for an anonymous `{ ... }`. */
  name: string | null;
  fields: Map<string, RecordField>;
}

export const T = {
  bool: { kind: "bool" } as Type,
  int: { kind: "int" } as Type,
  uint: { kind: "uint" } as Type,
  double: { kind: "double" } as Type,
  string: { kind: "string" } as Type,
  bytes: { kind: "bytes" } as Type,
  null: { kind: "null" } as Type,
  timestamp: { kind: "timestamp" } as Type,
  duration: { kind: "duration" } as Type,
  dyn: { kind: "dyn" } as Type,
  error: { kind: "error" } as Type,
  list: (elem: Type): Type => ({ kind: "list", elem }),
  map: (key: Type, value: Type): Type => ({ kind: "map", key, value }),
  optional: (inner: Type): Type => ({ kind: "optional", inner }),
  type: (of: Type): Type => ({ kind: "type", of }),
  param: (name: string): Type => ({ kind: "param", name }),
};

/** How a type is written in Edict source and in messages. */
export function typeToString(t: Type): string {
  switch (t.kind) {
    case "null":
      return "null_type";
    case "list":
      return `list<${typeToString(t.elem)}>`;
    case "map":
      return `map<${typeToString(t.key)}, ${typeToString(t.value)}>`;
    case "optional":
      return `optional<${typeToString(t.inner)}>`;
    case "type":
      return `type<${typeToString(t.of)}>`;
    case "param":
      return t.name;
    case "record": {
      if (t.name) return t.name;
      const fields = [...t.fields].map(([n, f]) => `${n}${f.optional ? "?" : ""}: ${typeToString(f.type)}`);
      return `{ ${fields.join(", ")} }`;
    }
    default:
      return t.kind;
  }
}

/** A record spelled out even when it has a name, for "unknown field" messages. */
export function recordShape(t: RecordType): string {
  const fields = [...t.fields].map(([n, f]) => `${n}${f.optional ? "?" : ""}: ${typeToString(f.type)}`);
  return `{ ${fields.join(", ")} }`;
}
