// Linear bounds of the regex engine, counted rather than timed: compile
// work against program size, the `]` scan of long patterns, and VM steps
// against text length (README.md, "Compile time" and the Pike VM).
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { compileNodeCounted } from "../../runtime/lib/regex/compiler.js";
import { compileRegex, MAX_PROGRAM_WORDS, regexSearch, regexSearchSteps, type RegexProgram } from "../../runtime/lib/regex/index.js";
import { parseRegex } from "../../runtime/lib/regex/parser.js";
import { runs } from "../support/runs.js";

function compile(pattern: string): RegexProgram {
  const r = compileRegex(pattern);
  if (!r.ok) throw new Error(r.error);
  return r.program;
}


describe("compile work is linear in the program's size (visits, not wall time)", () => {
  const counted = (pattern: string): { code: Uint32Array; visits: number } => compileNodeCounted(parseRegex(pattern));

  /** ((a){1}){1}... `depth` groups deep. */
  const ones = (depth: number, body = "a"): string => "(?:".repeat(depth) + body + "){1}".repeat(depth);

  it.each([
    ["(((?:){1000}){1000}){100}", 1],
    ["((((?:){1000}){1000}){1000}){1000}", 1],
    ["((?:x{0}){1000}){1000}", 1],
    ["((?:(?:){0}(?:){5}){1000}){1000}", 1],
    ["(?:(?:){1000}|){1000}", -1],
    ["((?:){1000,}){1000}", -1],
    ["(?:" + "(?:){0}".repeat(2000) + "a){1000}", 2001],
    ["((?:" + "(?:){0}".repeat(2000) + "a){1000}){100}", 200_001],
    ["(?:" + ones(900) + "){1000}", 2001],
    ["(?:(?:" + ones(900) + "){1000}){100}", 200_001],
    ["(?:" + ones(900, "(?:){7}") + "){1000}", 1],
  ])("%# visits at most twice the words", (pattern, size) => {
    const { code, visits } = counted(pattern);
    if (size > 0) expect(code.length).toBe(size);
    expect(visits).toBeLessThanOrEqual(2 * code.length);
  });

  it("silent copies still compile to the same words", () => {
    expect(Array.from(compile("(((?:){1000}){1000}){100}").code)).toEqual(Array.from(compile("").code));
    expect(Array.from(compile("a(?:(?:){3}|b{0}){2,3}c").code)).toEqual(Array.from(compile("a(?:|){2,3}c").code));
    expect(Array.from(compile("(?:(?:a){1}){1}b{1,1}").code)).toEqual(Array.from(compile("ab").code));
  });

  it("random patterns visit at most twice the words they emit", () => {
    const atom = fc.constantFrom("a", "[bc]", ".", "^", "\\b", "(?:)", "()", "x{0}", "\\Q\\E", "\\Qab\\E");
    const quantifier = fc.constantFrom("*", "+", "?", "{0}", "{1}", "{2}", "{3}", "{0,2}", "{1,}", "{2,3}?", "{1,1}");
    const tree = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie("node"), quantifier).map(([a, q]) => `(?:${a})${q}`),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (p) => {
        const { code, visits } = counted(p);
        expect(visits, p).toBeLessThanOrEqual(2 * code.length);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("a too large program stops at the limit, whatever the nesting", () => {
    for (const p of ["((((a{1000}){1000}){1000}){1000}){1000}", "(?:" + ones(900, "a{1000}") + "){1000}", "((?:" + "(?:){0}".repeat(1000) + "a){1000}){1000}"]) {
      const r = compileRegex(p);
      expect(r, p).toEqual({ ok: false, error: expect.stringContaining(`over ${MAX_PROGRAM_WORDS} words`) });
    }
  });
});

describe("long patterns parse in linear time and without overflowing the stack", () => {
  it("[:...] scans for its `]` once, not at every `[:`", () => {
    const indexOf = vi.spyOn(Array.prototype, "indexOf");
    try {
      for (const [pattern, ok] of [
        ["[" + "[:".repeat(30_000), false],
        ["[" + "[:".repeat(30_000) + "x]", true],
        ["[" + "[:a".repeat(20_000) + "]", true],
      ] as const) {
        indexOf.mockClear();
        expect(compileRegex(pattern).ok, pattern.slice(0, 10)).toBe(ok);
        // Code points the searches for "]" went over: each at most once (or twice), not once per `[:`.
        let scanned = 0;
        indexOf.mock.calls.forEach(([value, from], i) => {
          if (value !== 0x5d) return;
          const found = indexOf.mock.results[i]!.value as number;
          const array = indexOf.mock.contexts[i] as unknown as unknown[];
          scanned += (found < 0 ? array.length : found + 1) - ((from as number | undefined) ?? 0);
        });
        expect(scanned).toBeLessThanOrEqual(2 * pattern.length);
      }
    } finally {
      indexOf.mockRestore();
    }
  });

  it("names of any length are read, and rejected, without a stack overflow", () => {
    const long = "a".repeat(300_000);
    expect(compileRegex(`(?P<${long}>x)`).ok).toBe(true);
    expect(compileRegex(`(?P<${long}>x)(?P<${long}>y)`)).toEqual({ ok: false, error: expect.stringContaining("duplicate capture group name") });
    expect(compileRegex(`\\p{${long}}`)).toEqual({ ok: false, error: expect.stringContaining("unknown Unicode class") });
    expect(compileRegex(`[[:${long}:]]`)).toEqual({ ok: false, error: expect.stringContaining("invalid character class range") });
    expect(compileRegex(`[[:${long}]]`).ok).toBe(true);
  });

  it("a class of more ranges than an argument list can hold compiles", () => {
    let members = "";
    for (let c = 0x4e00; c < 0x4e00 + 2 * 120_000; c += 2) if (c < 0xd800 || c > 0xdfff) members += String.fromCodePoint(c);
    for (const p of [`[${members}]`, `[^${members}]`, `(?i)[${members}]`]) {
      const program = compile(p);
      expect(program.code.length, p.slice(0, 6)).toBeGreaterThan(200_000);
      expect(regexSearch(program, "\u4e02")).toBe(!p.includes("^"));
      expect(regexSearch(program, "\u4e01")).toBe(p.includes("^"));
    }
    expect(compileRegex(`[${members}]${"a".repeat(20_000)}`)).toEqual({ ok: false, error: expect.stringContaining("too large") });
  });
});

describe("linear time (VM steps, not wall time)", () => {
  const stepsFor = (pattern: string, text: string): number => regexSearchSteps(compile(pattern), text).steps;

  it.each([
    ["(a*)*b", "a"],
    ["(a|aa)*b", "a"],
    ["(x+x+)+y", "x"],
    ["^(a+)+$", "a"],
    ["(a|a)*c", "a"],
    ["(.*a){12}", "a"],
    ["(?:a?){30}a{30}", "a"],
  ])("%j over repeated %j grows linearly", (pattern, unit) => {
    const program = compile(pattern);
    const size = program.code.length;
    const n = 2000;
    const small = regexSearchSteps(program, unit.repeat(n) + "!");
    const large = regexSearchSteps(program, unit.repeat(2 * n) + "!");
    expect(large.steps).toBeLessThanOrEqual((2 * n + 2) * 2 * size);
    // Doubling the input at most doubles the work (plus a constant).
    expect(large.steps).toBeLessThanOrEqual(2 * small.steps + 4 * size);
  });

  it("(a*)*b over 'aaaa…' takes a bounded number of steps per character", () => {
    const perChar = [100, 1000, 10_000].map((n) => stepsFor("(a*)*b", "a".repeat(n)) / n);
    for (const r of perChar) expect(r).toBeLessThan(20);
    expect(Math.abs(perChar[2]! - perChar[1]!)).toBeLessThan(0.1);
  });

  it("a \\A-anchored search stops when its threads die", () => {
    const text = "b".repeat(100_000);
    expect(stepsFor("\\Aa", text)).toBeLessThan(10);
    expect(stepsFor("^a", text)).toBeLessThan(10);
  });
});
