// Which fields of each input the policy reads, so that input conversion
// validates only those (spec 4: fields not read need not fit their type).
// Tracking is by record type object: a named type is one object wherever it
// appears, so a field read through a let, a fn parameter or a `for`
// variable counts for the input it came from. A record value that flows
// whole somewhere we cannot follow (equality, an output, `string()`, a
// `dyn` context, iteration over its keys) keeps every field.

import { T, type RecordField, type RecordType, type Type } from "../types.js";
import { recordsIn, typesIn } from "./unify.js";

type MapType = Extract<Type, { kind: "map" }>;

/**
 * The value type of a map whose values the policy never reads (only its
 * keys: `k in m`, `size(m)`, one-variable iteration, `has(m.k)`): input
 * conversion checks the keys and skips the values. Compared by identity.
 */
export const UNREAD: Type = { kind: "dyn" };

/** The maps inside `t` (map types, by object). */
function mapsIn(t: Type): MapType[] {
  return typesIn(t).filter((u): u is MapType => u.kind === "map");
}

export class Usage {
  private readonly fields = new Map<RecordType, Set<string>>();
  private readonly whole = new Set<RecordType>();
  /** Maps whose values are read (or that flow somewhere their reads cannot be followed). */
  private readonly valuesRead = new Set<Type>();

  field(record: RecordType, name: string): void {
    let set = this.fields.get(record);
    if (!set) this.fields.set(record, (set = new Set()));
    set.add(name);
  }

  /** A value of this type is used in full. */
  wholeValue(t: Type): void {
    for (const r of recordsIn(t)) this.whole.add(r);
    this.mapValues(t);
  }

  /** The values of the maps in `t` are read (indexing, `m.k`, two-variable iteration, literals). */
  mapValues(t: Type): void {
    for (const m of mapsIn(t)) this.valuesRead.add(m);
  }

  /** A value of type `actual` is used where `expected` is wanted: if their records are not the same objects, we cannot follow field reads across, so `actual` is used whole. */
  flowsInto(actual: Type, expected: Type): void {
    const a = recordsIn(actual);
    const b = recordsIn(expected);
    if (a.length > 0 && (a.length !== b.length || a.some((r, i) => r !== b[i]))) this.wholeValue(actual);
    // The same for maps: reads through a different map type object cannot be followed back.
    const ma = mapsIn(actual);
    const mb = mapsIn(expected);
    if (ma.length > 0 && (ma.length !== mb.length || ma.some((m, i) => m !== mb[i]))) this.mapValues(actual);
  }

  /** `t` pruned to the fields read; records used whole keep their declared type. */
  prune(t: Type, cache = new Map<RecordType, Type>()): Type {
    switch (t.kind) {
      case "record": {
        if (this.whole.has(t)) return t;
        const done = cache.get(t);
        if (done) return done;
        const used = this.fields.get(t) ?? new Set<string>();
        const fields = new Map<string, RecordField>();
        for (const [name, f] of t.fields) {
          if (used.has(name)) fields.set(name, { type: this.prune(f.type, cache), optional: f.optional });
        }
        const pruned: RecordType = { kind: "record", name: t.name, fields };
        cache.set(t, pruned);
        return pruned;
      }
      case "list":
        return T.list(this.prune(t.elem, cache));
      case "map":
        return T.map(t.key, this.valuesRead.has(t) ? this.prune(t.value, cache) : UNREAD);
      case "optional":
        return T.optional(this.prune(t.inner, cache));
      default:
        return t;
    }
  }
}
