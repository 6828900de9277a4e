// Loops read their bindings from the value table when the host could put
// them there (RANGE_DIRECT), and ask the host per iteration when a binding
// is a bool (bools are handles 0 and 1). Both paths, in comprehensions and
// in rule `for` clauses, must match the interpreter, fuel included.

import { describe, expect, it } from "vitest";
import { both } from "./support/harness.js";

const COMPREHENSIONS = `
input xs: list<dyn>
input m: map<string, dyn>
output all_items = xs.map(x, x)
output indexed = xs.transformList(i, x, [i, x])
output keys = m.map(k, k)
output pairs = m.transformList(k, v, [k, v])
output any_true = xs.exists(x, x == true)
output nested = xs.map(x, m.filter(k, m[k] == x))
`;

const RULES = `
input m: map<string, dyn>
input xs: list<dyn>
deny each_pair {
  for k, v in m
  for i, x in xs
  when v == x
  message "\${k} = item \${i}"
}
`;

const inputs: [string, unknown][] = [
  ["no bools (direct)", { xs: ["a", 1, null, [2], { z: 1 }], m: { b: "a", a: 2, c: null } }],
  ["bool items (fallback)", { xs: [true, "a", false], m: { a: true, b: "x" } }],
  ["bool only in map values", { xs: ["x", 3], m: { a: false, b: 3 } }],
  ["empty", { xs: [], m: {} }],
];

describe("range bindings: direct from the table, or per iteration for bools", () => {
  for (const [name, input] of inputs) {
    it(`comprehensions agree with the interpreter: ${name}`, async () => {
      const [wasm, interpreted] = await both(COMPREHENSIONS, input);
      expect(wasm.error).toBeNull();
      expect(wasm).toEqual(interpreted);
    });
    it(`rule for clauses agree with the interpreter: ${name}`, async () => {
      const [wasm, interpreted] = await both(RULES, input);
      expect(wasm).toEqual(interpreted);
    });
  }

  it("bindings read from the table are the right ones", async () => {
    const [wasm] = await both(COMPREHENSIONS, { xs: ["a", "b"], m: { y: "b", x: "a" } });
    expect(wasm.outputs).toMatchObject({ indexed: [[0, "a"], [1, "b"]], keys: ["x", "y"], pairs: [["x", "a"], ["y", "b"]], nested: [["x"], ["y"]] });
  });
});
