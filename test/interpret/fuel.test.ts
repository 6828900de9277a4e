import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { runs } from "../support/runs.js";
import { FUEL } from "../../compiler/fuel.js";
import { STEP_FUEL } from "../../runtime/engine/fuel-costs.js";

// Counts below are in steps: every node, iteration, rule, template and
// output is one step of STEP_FUEL units, and a size term of k (k started 16
// bytes, or k elements) is k steps, so each expected fuel is steps * STEP.
const STEP = STEP_FUEL;
import { decide } from "./support/run.js";

describe("exact fuel on small policies (docs/fuel.md)", () => {
  test.each([
    // rule 1 + when (binary 1, ident 1, literal 1)
    ["input n: int\ndeny big { when n > 10 }", { n: 11 }, 4 * STEP],
    // + template 1 + hole ident 1 + string(): int arg 0, result "11" ceil(2/16) = 1
    ['input n: int\ndeny big { when n > 10 message "n is ${n}" }', { n: 11 }, 7 * STEP],
    // short-circuit: rule 1 + && 1 + false 1; the right side is not evaluated
    ["input n: int\ndeny r { when false && n > 1 }", { n: 2 }, 3 * STEP],
    // rule 1 + list 1 + 3 literals + 3 iterations x (1 + when 3)
    ["input n: int\ndeny r { for x in [1, 2, 3] when x > n }", { n: 1 }, 17 * STEP],
    // output 1 + binary 1 + 2 literals + args ceil(17/16) = 2 and ceil(1/16) = 1 + result ceil(18/16) = 2
    ['input n: int\noutput s = "aaaaaaaaaaaaaaaaa" + "b"', { n: 1 }, 9 * STEP],
    // output 1 + call 1 + list 1 + 3 literals + list size 3 (size_list's argument)
    ["input n: int\noutput s = size([1, 2, 3])", { n: 1 }, 9 * STEP],
    // output 1 + macro call 1 + range (list 1 + 2 literals) + 2 iterations x (1 + binary 3)
    ["input n: int\noutput s = [1, 2].map(x, x * n)", { n: 1 }, 13 * STEP],
    // exists stops at the first true: output 1 + call 1 + range 4 + 1 iteration x (1 + binary 3)
    ["input n: int\noutput s = [1, 2, 3].exists(x, x == n)", { n: 1 }, 10 * STEP],
    // expired rules still cost their rule unit
    ['input n: int\ndeny r { when n > 0 expires "2020-01-01T00:00:00Z" }', { n: 1 }, 1 * STEP],
    // map for: rule 1 + ident 1 + 2 iterations x (1 + when: binary 1 + ident 1 + literal 1)
    ["input m: map<string, int>\ndeny r { for k, v in m when v > 1 }", { m: { a: 1, b: 2 } }, 10 * STEP],
  ])("%s", (src, input, fuel) => {
    const d = decide(src, input);
    expect(d.error).toBeNull();
    expect(d.fuel).toBe(fuel);
  });

  test("only the taken branch of a conditional is charged", () => {
    // output 1 + conditional 1 + condition (binary 3) + one branch literal 1
    expect(decide("input n: int\noutput o = n > 0 ? 1 : [1, 2, 3].size()", { n: 1 }).fuel).toBe(6 * STEP);
  });

  test("arguments after an error are not evaluated", () => {
    // output 1 + call 1 + receiver (index 1 + ident 1 + literal 1) = 5; the argument is skipped
    const d = decide('input m: map<string, string>\noutput o = m["x"].startsWith([1, 2, 3].map(x, "a")[0])', { m: {} });
    expect(d.error?.code).toBe("eval_error");
    expect(d.fuel).toBe(5 * STEP);
  });

  test("matches adds a work term: started 16 bytes of text x program instructions x 200", () => {
    const text = "x".repeat(40); // 3 chunks of 16 bytes
    const d = decide('input s: string\noutput o = s.matches("^x+$")', { s: text });
    // output, call, ident, literal = 4 steps; size terms: text 3 chunks + pattern 1 chunk (a bool result has none)
    expect(d.error).toBeNull();
    // ^x+$ compiles to ASSERT(begin) CHAR(x) SPLIT ASSERT(end) MATCH: 5 instructions.
    expect(d.fuel).toBe((4 + 3 + 1) * STEP + 3 * 5 * FUEL.call.regexPerChunkAndInstruction);
    // An invalid computed pattern is an error before any matching: no work term.
    const bad = decide("input s: string\ninput p: string\noutput o = s.matches(p)", { s: text, p: "(" });
    expect(bad.error?.code).toBe("eval_error");
    expect(bad.fuel).toBe((4 + 3 + 1) * STEP); // output, call, two idents; text and pattern size terms
  });

  test("a class costs one instruction whatever its ranges: fuel does not depend on the host's Unicode tables", () => {
    // \p{L} has hundreds of ranges, and how many depends on the JavaScript engine's Unicode version.
    const fuel = (pattern: string) => decide(`input s: string\noutput o = s.matches(${JSON.stringify(pattern)})`, { s: "agent-0007" }).fuel;
    expect(fuel(String.raw`^\p{L}+$`)).toBe(fuel("^[a]+$"));
    expect(fuel(String.raw`(?i)^\p{Greek}$`)).toBe(fuel("^[b]$"));
  });

  test("equality of nested lists and maps pays for every level", () => {
    const xs = [[1, 2], [3]];
    // output, binary, two idents = 4; size terms: two lists of 2 = 4; work: xs's 3 nested elements = 3
    expect(decide("input xs: list<list<int>>\ninput ys: list<list<int>>\noutput o = xs == ys", { xs, ys: xs }).fuel).toBe(11 * STEP);
    // output, binary, list, literal, ident = 5; size terms: [1] 1 + xs 2 = 3; work: xs's nested elements 3
    expect(decide("input xs: list<list<int>>\noutput o = [1] in xs", { xs }).fuel).toBe(11 * STEP);
    // Maps count entries at every level: {"a": {"b": 1, "c": 2}} has 2 nested entries.
    const m = { a: { b: 1, c: 2 } };
    expect(decide("input m: map<string, map<string, int>>\noutput o = m != m", { m }).fuel).toBe((4 + 2 + 2) * STEP);
    // Scalars inside: nothing nested, no work term.
    expect(decide("input xs: list<int>\noutput o = xs == xs", { xs: [1, 2, 3] }).fuel).toBe((4 + 6) * STEP);
  });

  test("input conversion costs nothing", () => {
    const small = decide("input xs: list<int>\ndeny r { when true }", { xs: [] });
    const big = decide("input xs: list<int>\ndeny r { when true }", { xs: Array.from({ length: 1000 }, (_, i) => i) });
    expect(big.fuel).toBe(small.fuel);
  });

  test("a let costs its body once", () => {
    const d = decide("input n: int\nlet l = n + 1\noutput a = l\noutput b = l", { n: 1 });
    // outputs 2 + idents 2 + let body once (binary 1, ident 1, literal 1)
    expect(d.fuel).toBe(7 * STEP);
  });
});

describe("fuel exhaustion", () => {
  const src = `input xs: list<int>
deny r { for x in xs when x % 2 == 0 message "even \${x}" }`;
  const input = { xs: Array.from({ length: 20 }, (_, i) => i) };

  test("fails exactly when the cost exceeds the budget, at the same point every run", () => {
    const full = decide(src, input);
    expect(full.error).toBeNull();
    const cost = full.fuel;
    expect(decide(src, input, { fuel: cost })).toEqual(full);
    for (let budget = 0; budget < cost; budget++) {
      const a = decide(src, input, { fuel: budget });
      const b = decide(src, input, { fuel: budget });
      expect(a).toEqual(b);
      expect(a.decision).toBe("deny");
      expect(a.error).toMatchObject({ code: "fuel_exhausted", rule: "r" });
      expect(a.fuel).toBe(budget);
      // Violations found before the budget ran out are still reported, a prefix of the full list.
      expect(full.violations.slice(0, a.violations.length)).toEqual(a.violations);
    }
  });

  test("the default budget is the spec's 10,000,000", () => {
    const d = decide("input n: int\ndeny r { when [1].all(x, true) }", { n: 1 }, { fuel: undefined });
    expect(d.error).toBeNull();
  });
});

describe("deadline", () => {
  // 3 iterations x 1000 elements: far more than FUEL.clockInterval units.
  const src = `input xs: list<int>
deny r { for a in xs for b in [1, 2, 3] when a + b < 0 }`;
  const input = { xs: Array.from({ length: 1000 }, (_, i) => i) };

  test("a clock that passes the deadline gives timeout", () => {
    let t = 0;
    const clock = () => (t += 10);
    const d = decide(src, input, { clock, timeoutMs: 35 });
    expect(d.decision).toBe("deny");
    expect(d.error).toMatchObject({ code: "timeout", rule: "r" });
    expect(d.fuel).toBeLessThan(decide(src, input).fuel);
  });

  test("the clock is read at the start, after input conversion, then once per clockInterval units", () => {
    let calls = 0;
    const d = decide(src, input, { clock: () => (calls++, 0) });
    expect(d.error).toBeNull();
    expect(calls).toBe(2 + Math.floor(d.fuel / FUEL.clockInterval));
  });

  test("a frozen clock never times out (fuel is the only bound)", () => {
    const d = decide(src, input, { clock: () => 0, timeoutMs: 0 });
    expect(d.error).toBeNull();
  });

  test("timeout at input conversion end when the clock has already passed", () => {
    let t = 0;
    const d = decide("input n: int\ndeny r { when true }", { n: 1 }, { clock: () => (t += 100), timeoutMs: 50 });
    expect(d.error?.code).toBe("timeout");
    expect(d.error?.rule).toBeUndefined();
  });
});

describe("fuel is a function of policy and input", () => {
  const src = `input xs: list<string>
input m: map<string, int>
let total = m.size()
deny long { for x in xs when x.size() > 3 message "\${x} is long" }
warn missing { for k, v in m when v > total message "\${k}" }
output n = xs + ["z"]`;

  test("a budget of exactly the fuel used succeeds identically; one less is exhausted", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.dictionary(fc.string(), fc.integer({ min: -5, max: 5 }), { maxKeys: 6 }), (xs, m) => {
        const d = decide(src, { xs, m });
        expect(d.error).toBeNull();
        expect(decide(src, { xs, m }, { fuel: d.fuel })).toEqual(d);
        const short = decide(src, { xs, m }, { fuel: d.fuel - 1 });
        expect(short.error?.code).toBe("fuel_exhausted");
        expect(short.fuel).toBe(d.fuel - 1);
      }),
      { numRuns: runs(100) },
    );
  });
});
