// CEL's string extension runs in the bundle's AssemblyScript helper
// (wasm/assembly/strings.ts, host side runtime/engine/helper-strings.ts) and
// in the interpreter's JavaScript twins
// (compiler/interpret/builtins/string-twins.ts): on random strings — ASCII,
// non-ASCII, astral characters, lone surrogates, every white space trim
// removes and some it keeps — and random positions and limits, both engines
// must give the same decision: results, error messages, fuel.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as entry from "../../compiler/interpret/entry.js";
import { generateBundle } from "../../compiler/codegen/index.js";
import { STRING_HELPER_EXPORTS } from "../../runtime/engine/helper-strings.js";
import { STRING_TWINS } from "../../compiler/interpret/builtins/string-twins.js";
import { List } from "../../runtime/engine/values.js";
import { runs } from "../support/runs.js";
import { check, interpreterBuiltins, load, NOW } from "./support/harness.js";

const PRELUDE = "input s: string\ninput t: string\ninput u: string\ninput i: int\ninput j: int\n";

/** One call per overload in scope, by overload id. */
const CALLS: Record<string, string> = {
  string_char_at_int: "s.charAt(i)",
  string_index_of_string: "s.indexOf(t)",
  string_index_of_string_int: "s.indexOf(t, i)",
  string_last_index_of_string: "s.lastIndexOf(t)",
  string_last_index_of_string_int: "s.lastIndexOf(t, i)",
  string_lower_ascii: "s.lowerAscii()",
  string_upper_ascii: "s.upperAscii()",
  string_replace_string_string: "s.replace(t, u)",
  string_replace_string_string_int: "s.replace(t, u, i)",
  string_split_string: "s.split(t)",
  string_split_string_int: "s.split(t, i)",
  string_substring_int: "s.substring(i)",
  string_substring_int_int: "s.substring(i, j)",
  string_trim: "s.trim()",
  string_reverse: "s.reverse()",
  strings_quote: "strings.quote(s)",
};
const IDS = Object.keys(CALLS);
const source = (id: string) => `${PRELUDE}output r = ${CALLS[id]}`;
/** A twin's result as a decision's output shows it. */
const plain = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v instanceof List ? v.items : v);

/** Every character Go's unicode.IsSpace (trim) accepts. */
const SPACES = [..."\t\n\v\f\r \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000"].concat(
  Array.from({ length: 11 }, (_, k) => String.fromCharCode(0x2000 + k)),
);
const LONE = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00"];
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(..."aAbBzZ/,.-_0") },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  // Not space for trim (JavaScript's trim removes U+FEFF).
  fc.constantFrom("\ufeff", "\u200b", "\u180e"),
  { weight: 2, arbitrary: fc.constantFrom("é", "É", "ß", "Σ", "ı", "\u212a", "\ufffd", "中") },
  { weight: 2, arbitrary: fc.constantFrom("😀", "𝔸", "\u{10ffff}") },
  { weight: 2, arbitrary: fc.constantFrom(...LONE) },
  // What quote escapes, and controls it keeps.
  fc.constantFrom("\x07", "\b", "\f", "\\", '"', "\x00", "\x1b", "\x7f", "'"),
);
const text = (maxLength: number) => fc.string({ unit, maxLength });
const position = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 16 }) },
  fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, 2n ** 31n, 2n ** 31n - 1n, 2n ** 32n + 1n, -(2n ** 31n) - 1n, 2 ** 53),
);
/** t as a piece of s (so that searches find something), as short random text, or empty. */
const input = text(14).chain((s) =>
  fc.record({
    s: fc.constant(s),
    t: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.nat(s.length), fc.nat(4)).map(([a, n]) => s.slice(a, a + n)) },
      { weight: 2, arbitrary: text(3) },
      fc.constantFrom("", "/", ",", "😀", "\ud800", "\ufffd"),
    ),
    u: fc.oneof(text(4), fc.constantFrom("", "-", "😀")),
    i: position,
    j: position,
  }),
);

describe("string helpers in the bundle", () => {
  it("serve exactly the overloads tested here", () => {
    expect(Object.keys(STRING_HELPER_EXPORTS).sort()).toEqual([...IDS].sort());
  });

  it("agree with the interpreter's JavaScript twins on random strings, errors and fuel included", async () => {
    const { bundle, checked } = await load(IDS.map(source));
    const builtins = await interpreterBuiltins();
    const errors = new Map(IDS.map((id) => [id, 0]));
    const results = new Map(IDS.map((id) => [id, 0]));
    let loneSurrogates = 0;
    fc.assert(
      fc.property(input, fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.nat(12)), (values, budget) => {
        const options = budget === null ? { now: NOW } : { now: NOW, fuel: budget };
        const decisions = Object.values(bundle.evaluate(values, options).policies);
        decisions.forEach((wasm, k) => {
          const interpreted = entry.interpretPolicy(checked[k]!, values, { ...options, clock: () => 0, builtins, hash: wasm.hash });
          expect(wasm, `${CALLS[IDS[k]!]} with ${JSON.stringify(values, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}`).toEqual(interpreted);
          const counts = wasm.error === null ? results : wasm.error.message.includes("index out of range") ? errors : undefined;
          counts?.set(IDS[k]!, counts.get(IDS[k]!)! + 1);
        });
        if (LONE.some((c) => values.s.includes(c))) loneSurrogates++;
      }),
      { numRuns: runs(1500) },
    );
    // Every overload returned results, and those with positions also errors.
    for (const id of IDS) expect(results.get(id), id).toBeGreaterThan(runs(1500) / 10);
    for (const id of ["string_char_at_int", "string_index_of_string_int", "string_last_index_of_string_int", "string_substring_int", "string_substring_int_int"]) {
      expect(errors.get(id), id).toBeGreaterThan(runs(1500) / 20);
    }
    expect(loneSurrogates).toBeGreaterThan(runs(1500) / 20);
  });

  it("give the documented results on hand-picked cases", async () => {
    const { bundle } = await load(IDS.map(source));
    const run = (values: { s: string; t?: string; u?: string; i?: number; j?: number }) => {
      const decisions = Object.values(bundle.evaluate({ t: "", u: "", i: 0, j: 0, ...values }, { now: NOW }).policies);
      return Object.fromEntries(IDS.map((id, k) => [id, decisions[k]!.error?.message ?? decisions[k]!.outputs.r]));
    };
    const a = run({ s: " \u2003a😀b\u0085\ufeff", t: "😀", u: "-", i: 3, j: 5 });
    expect(a.string_char_at_int).toBe("😀");
    expect(a.string_index_of_string).toBe(3);
    expect(a.string_substring_int_int).toBe("😀b");
    expect(a.string_trim).toBe("a😀b\u0085\ufeff");
    expect(run({ s: "\u0085 x \u3000" }).string_trim).toBe("x");
    expect(run({ s: "a,b,c", t: ",", i: 2 }).string_split_string_int).toEqual(["a", "b,c"]);
    expect(run({ s: "ab", t: "", u: "-", i: -1 }).string_replace_string_string_int).toBe("-a-b-");
    expect(run({ s: "abc", i: 5 }).string_char_at_int).toContain("index out of range: 5");
    expect(run({ s: "abc", i: 1, j: 9 }).string_substring_int_int).toContain("index out of range: 9");
    // A lone surrogate reads as U+FFFD in both engines.
    const lone = run({ s: "a\ud800b", t: "\udc00", i: 1 });
    expect(lone.string_char_at_int).toBe("\ufffd");
    expect(lone.string_index_of_string).toBe(1);
    expect(lone.string_reverse).toBe("b\ufffda");
    expect(lone.strings_quote).toBe('"a\ufffdb"');
  });

  it("agree with the twins on every UTF-16 code unit around and inside a string", async () => {
    const ids = ["string_trim", "strings_quote", "string_lower_ascii", "string_upper_ascii", "string_reverse", "string_index_of_string", "string_split_string"];
    const { bundle } = await load(ids.map(source));
    let mismatches = 0;
    for (let c = 0; c < 0x10000; c++) {
      const t = String.fromCharCode(c);
      const values = { s: `${t}a${t}\ud83d\ude00${t}`, t, u: "", i: 0, j: 0 };
      const decisions = Object.values(bundle.evaluate(values, { now: NOW }).policies);
      ids.forEach((id, k) => {
        const expected = plain(STRING_TWINS[id]!([values.s, values.t], { now: undefined as never }));
        if (JSON.stringify(decisions[k]!.outputs.r) !== JSON.stringify(expected)) mismatches++;
      });
    }
    expect(mismatches).toBe(0);
  });

  it("handle long strings (memory grows) the same in both engines", async () => {
    const builtins = await interpreterBuiltins();
    const { bundle, checked } = await load(IDS.map(source), { timeoutMs: 60_000 });
    const values = { s: "é😀a/".repeat(20_000), t: "/", u: "\ud800|", i: 30_000, j: 50_000 };
    const started = performance.now();
    const decisions = Object.values(bundle.evaluate(values, { now: NOW }).policies);
    expect(performance.now() - started).toBeLessThan(5_000);
    decisions.forEach((wasm, k) => {
      expect(wasm, IDS[k]).toEqual(entry.interpretPolicy(checked[k]!, values, { now: NOW, clock: () => 0, builtins, hash: wasm.hash, timeoutMs: 60_000 }));
    });
  });

  it("a bundle that calls no string function carries none of their code", () => {
    const exports = (bytes: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(bytes as unknown as BufferSource)).map((e) => e.name);
    expect(exports(generateBundle([check(`input s: string\noutput r = s.size()`)])).filter((n) => n.startsWith("edict_string_"))).toEqual([]);
    expect(exports(generateBundle([check(source("string_split_string"))])).filter((n) => n.startsWith("edict_string_"))).toEqual(["edict_string_split"]);
  });
});
