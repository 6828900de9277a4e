// Inputs that several policies of one bundle declare, converted once per
// evaluation instead of once per policy (docs/design/input-abi.md,
// "Shared inputs"). The six OTel seed policies each declare `config` with
// their own record types and read different parts of it; on heavy configs
// converting it five times was a third of an evaluation.
//
// Policies join one conversion, under the union of what they read, only
// when that cannot change what any of them sees:
// - at every position their used types have the same kind (an `int` field
//   and a `dyn` field convert the same JSON number to different values), map
//   keys the same type, and a field present in both is optional in both or
//   in neither;
// - a record a policy uses whole (compared, output, passed where its fields
//   cannot be followed; compiler/check/usage.ts) has exactly the same fields
//   in every member, since extra fields would show;
// - a record it reads field by field may carry the other members' fields:
//   the checker guarantees it reads no others.
// If the union conversion fails, each member converts on its own, so its
// error (or its success) is exactly what it would have been alone.

import type { CheckedPolicy } from "../check/checked.js";
// typesEqual compares records by their fields, not their names: names only appear in error
// messages, and a failed union conversion is redone per policy.
import { recordsIn, typesEqual } from "../check/unify.js";
import type { RecordField, RecordType, Type } from "../types.js";
import type { TypeDesc } from "../../runtime/engine/type-desc.js";
import { typeDesc } from "./manifest.js";
import { UNREAD } from "../check/usage.js";

export interface SharedInput {
  name: string;
  nullable: boolean;
  used: TypeDesc;
}

/** A used type with the records its policy uses whole. */
interface Used {
  type: Type;
  whole: ReadonlySet<RecordType>;
}

export interface Sharing {
  shared: SharedInput[];
  /** Per policy, per input: the index in `shared`, or null when the input is converted alone. */
  index: (number | null)[][];
}

export function shareInputs(checked: readonly CheckedPolicy[]): Sharing {
  const index = checked.map((c) => c.inputs.map((): number | null => null));
  const clusters: { name: string; nullable: boolean; used: Used; members: [number, number][] }[] = [];
  checked.forEach((c, p) => {
    c.inputs.forEach((input, i) => {
      // Records the declaration holds are the ones pruning kept whole (usage.ts returns them unchanged).
      const used: Used = { type: input.usedType, whole: new Set(recordsIn(input.type)) };
      for (const cluster of clusters) {
        if (cluster.name !== input.name || cluster.nullable !== input.nullable) continue;
        const merged = mergeUsed(cluster.used, used);
        if (merged === null) continue;
        cluster.used = merged;
        cluster.members.push([p, i]);
        return;
      }
      clusters.push({ name: input.name, nullable: input.nullable, used, members: [[p, i]] });
    });
  });
  const shared: SharedInput[] = [];
  for (const cluster of clusters) {
    if (cluster.members.length < 2) continue;
    for (const [p, i] of cluster.members) index[p]![i] = shared.length;
    shared.push({ name: cluster.name, nullable: cluster.nullable, used: typeDesc(cluster.used.type) });
  }
  return { shared, index };
}

function mergeUsed(a: Used, b: Used): Used | null {
  const whole = new Set<RecordType>();
  const type = merge(a, a.type, b, b.type, whole);
  return type === null ? null : { type, whole };
}

function merge(a: Used, x: Type, b: Used, y: Type, whole: Set<RecordType>): Type | null {
  // A member that never reads these map values ignores whatever the others need converted.
  if (x === UNREAD) return carryType(b, y, whole);
  if (y === UNREAD) return carryType(a, x, whole);
  if (x.kind !== y.kind) return null;
  switch (x.kind) {
    case "list": {
      const elem = merge(a, x.elem, b, (y as typeof x).elem, whole);
      return elem && { kind: "list", elem };
    }
    case "map": {
      const other = y as typeof x;
      if (!typesEqual(x.key, other.key)) return null;
      const value = merge(a, x.value, b, other.value, whole);
      return value && { kind: "map", key: x.key, value };
    }
    case "optional": {
      const inner = merge(a, x.inner, b, (y as typeof x).inner, whole);
      return inner && { kind: "optional", inner };
    }
    case "record":
      return mergeRecords(a, x, b, y as RecordType, whole);
    case "type":
    case "param":
      return null;
    default:
      return x;
  }
}

function mergeRecords(a: Used, x: RecordType, b: Used, y: RecordType, whole: Set<RecordType>): RecordType | null {
  if (a.whole.has(x) || b.whole.has(y)) {
    if (!typesEqual(x, y)) return null;
    for (const r of recordsIn(x)) whole.add(r);
    return x;
  }
  const fields = new Map<string, RecordField>();
  for (const [name, f] of x.fields) {
    const g = y.fields.get(name);
    if (!g) {
      fields.set(name, carry(a, f, whole));
      continue;
    }
    if (f.optional !== g.optional) return null;
    const type = merge(a, f.type, b, g.type, whole);
    if (type === null) return null;
    fields.set(name, { type, optional: f.optional });
  }
  for (const [name, g] of y.fields) if (!x.fields.has(name)) fields.set(name, carry(b, g, whole));
  return { kind: "record", name: x.name, fields };
}

function carryType(side: Used, t: Type, whole: Set<RecordType>): Type {
  for (const r of recordsIn(t)) if (side.whole.has(r)) whole.add(r);
  return t;
}

/** A field only one side has, kept as it is, with the records that side uses whole still marked whole. */
function carry(side: Used, f: RecordField, whole: Set<RecordType>): RecordField {
  carryType(side, f.type, whole);
  return f;
}
