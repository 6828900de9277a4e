// Design B of docs/design/input-abi.md (a prototype: the runtime takes it
// through the internal load option `inputView`, loadViewingBundle in
// runtime/engine/internal.ts, for measurement only): after the input has
// been validated against its used type (Converter with build = false), JSON
// objects are not copied but viewed: a map or record is a CMap whose entries
// convert on first access. Only what a policy reads is ever converted.

import { base64Decode } from "../../../runtime/lib/base64.js";
import { parseDuration, parseTimestamp } from "../../../runtime/lib/time.js";
import { Converter } from "../../../runtime/engine/convert.js";
import { JS_TIME_PARSERS } from "../../../compiler/interpret/builtins/time-twins.js";
import type { TypeDesc } from "../../../runtime/engine/type-desc.js";
import { CMap, Duration, List, Optional, Timestamp, Uint, type Key, type Value } from "../../../runtime/engine/values.js";

const MAP_STRING_DYN: ["map", TypeDesc, TypeDesc] = ["map", "string", "dyn"];

/** The value of already validated JSON under `type`. */
export function view(json: unknown, type: TypeDesc): Value {
  if (typeof type === "string") {
    switch (type) {
      case "dyn":
        if (Array.isArray(json)) return new List(json.map((v) => view(v, "dyn")));
        if (typeof json === "object" && json !== null) return new ObjectView(json as Record<string, unknown>, MAP_STRING_DYN);
        return typeof json === "bigint" ? Number(json) : (json as Value);
      case "int":
        return BigInt(json as number);
      case "uint":
        return new Uint(BigInt(json as number));
      case "double":
        return typeof json === "string" ? Number(json === "Infinity" ? Infinity : json === "-Infinity" ? -Infinity : NaN) : Number(json);
      case "bytes":
        return base64Decode(json as string)!;
      case "timestamp":
        return new Timestamp(parseTimestamp(json as string)!);
      case "duration":
        return new Duration(parseDuration(json as string)!);
      default:
        return json as Value;
    }
  }
  switch (type[0]) {
    case "opt":
      return new Optional(json === null || json === undefined ? undefined : view(json, type[1]));
    case "list":
      return new List((json as unknown[]).map((v) => view(v, type[1])));
    case "map":
      if (type[1] === "string" || type[1] === "dyn") return new ObjectView(json as Record<string, unknown>, type);
      return new Converter(Infinity, JS_TIME_PARSERS).convert(json, type, 1) as Value;
    case "rec":
      return new ObjectView(json as Record<string, unknown>, type);
    default:
      return json as Value;
  }
}

class ObjectView extends CMap {
  private readonly cache = new Map<string, Value>();
  private present: string[] | undefined;
  private presentSet: Set<string> | undefined;

  constructor(
    private readonly json: Record<string, unknown>,
    private readonly type: ["map", TypeDesc, TypeDesc] | ["rec", string | null, [string, 0 | 1, TypeDesc][]],
  ) {
    super();
  }

  private fieldType(key: string): TypeDesc | undefined {
    if (this.type[0] === "map") return this.type[2];
    return this.type[2].find((f) => f[0] === key)?.[2];
  }

  override keys(): Key[] {
    if (this.present) return [...this.present];
    const json = this.json;
    if (this.type[0] === "map") this.present = Object.keys(json).filter((k) => json[k] !== undefined);
    else {
      this.present = this.type[2]
        .filter(([name, optional, t]) => {
          const raw = Object.prototype.hasOwnProperty.call(json, name) ? json[name] : undefined;
          return raw !== undefined && !(raw === null && optional && t !== "null" && t !== "dyn" && !(Array.isArray(t) && t[0] === "opt"));
        })
        .map((f) => f[0]);
    }
    return [...this.present];
  }

  override get size(): number {
    return this.keys().length;
  }

  override has(key: Key): boolean {
    this.presentSet ??= new Set(this.keys() as string[]);
    return typeof key === "string" && this.presentSet.has(key);
  }

  override get(key: Key): Value | undefined {
    if (typeof key !== "string") return undefined;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    if (!this.has(key)) return undefined;
    const v = view(this.json[key], this.fieldType(key)!);
    this.cache.set(key, v);
    return v;
  }

  override set(): void {
    throw new Error("an input view is read-only");
  }

  override *entries(): IterableIterator<{ key: Key; value: Value }> {
    for (const key of this.keys()) yield { key, value: this.get(key)! };
  }
}
