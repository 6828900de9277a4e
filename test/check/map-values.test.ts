// Map values a policy never reads are not converted (compiler/check/usage.ts
// UNREAD, "skip" in the manifest). Every way to reach a map's values must
// count as a read, or a policy would see null where a value is: each read
// below must keep the values, each keys-only use must skip them, and with
// or without the pruning the interpreter must decide the same.

import { describe, expect, it } from "vitest";
import { typeDesc } from "../../compiler/codegen/manifest.js";
import type { CheckedPolicy } from "../../compiler/check/checked.js";
import * as entry from "../../compiler/interpret/entry.js";
import { getBuiltin } from "../../compiler/interpret/builtins/registry.js";
import { checkedPolicy } from "../support/checked-policy.js";

const HEADER = "input m: map<string, int>\n";

const READS = [
  'output o = m["a"]',
  "output o = m.a",
  "output o = m.?a.orValue(0)",
  "deny r { for k, v in m when v > 1 }",
  "output o = m.exists(k, v, v > 1)",
  "output o = m.transformMap(k, v, v + 1)",
  "output o = m",
  'output o = m == {"a": 1, "b": 5}',
  'fn f(x: map<string, int>): int = x["a"]\noutput o = f(m)',
  'output o = (true ? m : {"b": 2})["a"]',
  'output o = [m][0]["a"]',
  'output o = {"k": m}["k"]["a"]',
  'output o = cel.bind(x, m, x["a"])',
  'let l = m\noutput o = l["a"]',
  'output o = optional.of(m).value()["a"]',
  'output o = optional.none().orValue(m)["a"]',
  'output o = dyn(m)["a"]',
  "deny r { for k in m when m[k] > 1 }",
  "output o = m.map(k, m[k])",
  "output o = [m, m].exists(x, x.b == 5)",
];

const KEYS_ONLY = [
  'output o = "a" in m',
  "output o = size(m)",
  "output o = m.size()",
  'deny r { for k in m when k == "b" }',
  'output o = m.exists(k, k == "a")',
  "output o = has(m.a)",
  "output o = m.map(k, k)",
  "output o = m.filter(k, k != \"a\")",
  "output o = m == null",
];

const skips = (c: CheckedPolicy) => JSON.stringify(typeDesc(c.inputs[0]!.usedType)).includes('"skip"');

function decide(c: CheckedPolicy, input: object) {
  return entry.interpretPolicy(c, input, { now: "2026-11-23T10:00:00Z", builtins: getBuiltin, clock: () => 0 });
}

function unpruned(c: CheckedPolicy): CheckedPolicy {
  return { ...c, inputs: c.inputs.map((i) => ({ ...i, usedType: i.type })) };
}

describe("unread map values", () => {
  it.each(READS)("keeps the values when a policy reads them: %s", (src) => {
    const c = checkedPolicy(HEADER + src);
    expect(skips(c)).toBe(false);
    const input = { m: { a: 1, b: 5 } };
    expect(decide(c, input)).toEqual(decide(unpruned(c), input));
  });

  it.each(KEYS_ONLY)("skips the values when a policy reads only keys: %s", (src) => {
    const c = checkedPolicy(HEADER + src);
    expect(skips(c)).toBe(true);
    const input = { m: { a: 1, b: 5 } };
    expect(decide(c, input)).toEqual(decide(unpruned(c), input));
    // Values it never reads need not fit their type.
    expect(decide(c, { m: { a: "one", b: [5] } }).error).toBeNull();
  });

  it("skips record values in a map read only by key, as the seed exporter_removal does", () => {
    const c = checkedPolicy('type E = { endpoint: string }\ninput m: map<string, E>\noutput o = "a" in m');
    expect(skips(c)).toBe(true);
  });
});
