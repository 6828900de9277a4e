// The regex helpers (wasm/assembly/regex, bound by
// runtime/engine/helper-regex.ts) against the JavaScript engine of
// runtime/lib/regex, which the reference interpreter keeps: for every
// pattern the same program words or the same error text, and for every
// program and text the same answer.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { RegexHelper, regexImports, type RegexHelperExports } from "../../runtime/engine/helper-regex.js";
import { HelperMemory, type HelperExports } from "../../runtime/engine/helpers.js";
import { compileRegex, MAX_PROGRAM_WORDS, regexSearch } from "../../runtime/lib/regex/index.js";
import { formatRegexError, RegexError } from "../../runtime/lib/regex/messages.js";
import { instructionCount } from "../../runtime/lib/regex/program.js";
import { utf8Room } from "../../runtime/lib/utf8.js";
import { foldCodePoint } from "../../runtime/lib/regex/unicode.js";
import { HELPERS_WASM_BASE64 } from "../../wasm/helpers.js";
import { runs } from "../support/runs.js";
import { hex, pattern, rawPattern, searchPattern, text, vmPattern, vmText } from "./support/regex-arbitraries.js";

type Exports = RegexHelperExports & HelperExports;

interface Instance {
  exports: Exports;
  memory: HelperMemory;
  regex: RegexHelper;
}

/** A fresh instance of the helpers module with the regex imports, as a bundle's host would set it up. */
async function instantiate(): Promise<Instance> {
  const module = await WebAssembly.compile(Buffer.from(HELPERS_WASM_BASE64, "base64"));
  // Imports of other helpers (if any) are not called here.
  const edict: Record<string, unknown> = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module === "edict" && imp.kind === "function") {
      edict[imp.name] = () => {
        throw new Error(`unexpected call of ${imp.name}`);
      };
    }
  }
  // A helper may grow the memory before it calls an import: settle first so that the view is current.
  let memory: HelperMemory | undefined;
  Object.assign(
    edict,
    regexImports(() => {
      memory!.settle();
      return memory!.bytes;
    }),
  );
  const instance = await WebAssembly.instantiate(module, { edict: edict as WebAssembly.ModuleImports });
  const exports = instance.exports as unknown as Exports;
  memory = new HelperMemory(exports, 16 << 20, () => {});
  return { exports, memory, regex: new RegexHelper(exports, memory) };
}

let exports: Exports;
let memory: HelperMemory;
let regex: RegexHelper;

beforeAll(async () => {
  ({ exports, memory, regex } = await instantiate());
});

/** compileRegex's result in the shape of RegexHelper.compile's. */
function jsResult(pattern: string): { ok: true; words: Uint32Array; instructions: number } | { ok: false; error: string } {
  const r = compileRegex(pattern);
  return r.ok ? { ok: true, words: r.program.code, instructions: instructionCount(r.program.code) } : r;
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Both engines compile `pattern` alike; returns the program (or null after an error). */
function expectSameCompile(pattern: string): Uint32Array | null {
  const js = jsResult(pattern);
  const wasm = regex.compile(pattern);
  if (js.ok && wasm.ok && sameWords(js.words, wasm.words)) {
    // The work term of matches charges per instruction; the helper counts them for the host.
    expect(wasm.instructions, JSON.stringify(pattern)).toBe(instructionCount(js.words));
    return js.words;
  }
  if (!js.ok && !wasm.ok && js.error === wasm.error) return null;
  // Only on a mismatch: a readable diff (arrays, not typed arrays).
  const show = (r: typeof js) => (r.ok ? { ok: true, words: Array.from(r.words) } : r);
  expect(show(wasm), JSON.stringify(pattern)).toEqual(show(js));
  return null;
}

function expectSameSearch(words: Uint32Array, pattern: string, text: string): void {
  expect(regex.search(words, text), `${JSON.stringify(pattern)} on ${JSON.stringify(text)}`).toBe(regexSearch({ code: words }, text));
}

const SEARCH_PROGRAM_LIMIT = 4000;

describe("regex helpers: compile", () => {
  it("random pattern trees give the same program words or the same error", () => {
    fc.assert(
      fc.property(pattern, (p) => {
        expectSameCompile(p);
      }),
      { numRuns: runs(6000) },
    );
  });

  it("random strings of metacharacters give the same program words or the same error", () => {
    fc.assert(
      fc.property(rawPattern, (p) => {
        expectSameCompile(p);
      }),
      { numRuns: runs(4000) },
    );
  });

  it("\\Q...\\E before repetitions, and POSIX names an object inherits, alike", () => {
    for (const p of [
      "\\Qab\\E*", "\\Qab\\E+?", "\\Qab\\E{2,3}", "\\Q\\E*", "\\Q\\E{2}", "a\\Q\\E*", "a*\\Q\\E*", "a\\Q\\E**", "(\\Q\\E+)", "a|\\Q\\E?",
      "\\Qab\\E**", "\\Qab\\E*+", "(?i)\\Qks\\E*", "\\Q\\\\E", "\\Q\\\\\\E", "\\Qa\\\\E*", "\\Q", "\\Qa", "a\\Q", "x{0}\\Q\\E*", "(?:){0}\\Q\\E+",
    ]) {
      expectSameCompile(p);
    }
    expect(Array.from(expectSameCompile("\\Qab\\E*")!)).toEqual(Array.from(expectSameCompile("ab*")!));
    expect(Array.from(expectSameCompile("a\\Q\\E*")!)).toEqual(Array.from(expectSameCompile("a*")!));
    expect(expectSameCompile("\\Q\\E*")).toBeNull();
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      for (const p of [`[[:${name}:]]`, `[[:^${name}:]]`, `[a[:${name}:]b]`]) {
        expect(expectSameCompile(p), p).toBeNull();
        expect(jsResult(p)).toEqual({ ok: false, error: expect.stringContaining("invalid character class range") });
      }
    }
  });

  it("patterns that once made a compiler loop, rescan or overflow compile alike and return", () => {
    const ones = (depth: number, body: string): string => "(?:".repeat(depth) + body + "){1}".repeat(depth);
    let members = "";
    for (let c = 0x4e00; c < 0x4e00 + 2 * 100_000; c += 2) if (c < 0xd800 || c > 0xdfff) members += String.fromCodePoint(c);
    const cases: [string, number][] = [
      ["(((?:){1000}){1000}){100}", 1],
      ["((((?:){1000}){1000}){1000}){1000}", 1],
      ["((?:" + "(?:){0}".repeat(10_000) + "a){1000}){100}", 200_001],
      ["(?:(?:" + ones(990, "a") + "){1000}){100}", 200_001],
      ["(?:" + ones(990, "(?:){9}") + "){1000}", 1],
      ["[" + "[:".repeat(30_000), 0],
      ["[" + "[:".repeat(30_000) + "x]", 9],
      [`(?P<${"n".repeat(200_000)}>x)`, 3],
      [`\\p{${"n".repeat(200_000)}}`, 0],
      [`[[:${"n".repeat(200_000)}:]]`, 0],
      [`[${members}]`, -1],
    ];
    for (const [p, size] of cases) {
      const words = expectSameCompile(p);
      if (size === 0) expect(words, p.slice(0, 20)).toBeNull();
      else if (size > 0) expect(words?.length, p.slice(0, 20)).toBe(size);
      else expect(words?.length, p.slice(0, 20)).toBeGreaterThan(100_000);
    }
  });

  it("every error code has the JavaScript compiler's text", () => {
    const cases = [
      "a)", "(a", "[a", "*a", "a{1001}", "a**", "a++", "a(?=b)", "(?>a)", "(?#c)", "(?x)a", "(?P<a-b>x)", "(?P<>a)",
      "(?P<n>a)(?P<n>b)", "(".repeat(1001) + ")".repeat(1001), "[z-a]", "\\e", "\\p{Foo}", "a\\", "\\1", "\\Z", "\\C", "(a{1000}){1000}",
    ];
    const seen = new Set<number>();
    for (const p of cases) {
      const ptr = memory.reserve(utf8Room(p));
      const r = exports.edict_regex_compile(ptr, memory.writeUtf8(ptr, p)) >>> 0;
      memory.settle();
      const [code, at, from, to] = new Int32Array(memory.bytes.buffer, r, 4);
      seen.add(code!);
      const js = compileRegex(p);
      expect(js.ok, p).toBe(false);
      if (!js.ok) expect(formatRegexError(code!, p, at!, from!, to!), p).toBe(js.error);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: RegexError.TooLarge }, (_, i) => i + 1));
  });

  it("messages.ts states the program limit of program.ts", () => {
    expect(formatRegexError(RegexError.TooLarge, "", -1, -1, -1)).toContain(`over ${MAX_PROGRAM_WORDS} words`);
  });

  it("programs of exactly MAX_PROGRAM_WORDS compile, one word more is too large", () => {
    // (?:a{1000}){131} is 262000 words, a{71} 142 more, each `.` one, MATCH the last.
    const exact = "(?:a{1000}){131}a{71}.";
    const words = expectSameCompile(exact);
    expect(words?.length).toBe(MAX_PROGRAM_WORDS);
    expect(expectSameCompile(exact + ".")).toBeNull();
    expect(expectSameCompile("(?:(?:\\pL{1000}){1000}){1000}")).toBeNull();
    expect(expectSameCompile("((a{1000}){1000}){1000}")).toBeNull();
  });

  it("nesting: 1000 groups deep compiles, 1001 fails the same way", () => {
    for (const open of ["(", "(?:", "(?i:", "(?P<n>"]) {
      const deep = (n: number): string => open.repeat(n) + "a" + ")".repeat(n);
      const named = open === "(?P<n>";
      if (named) {
        expect(expectSameCompile(deep(2))).toBeNull(); // duplicate name
        continue;
      }
      expect(expectSameCompile(deep(1000))).not.toBeNull();
      expect(expectSameCompile(deep(1001))).toBeNull();
    }
    expect(expectSameCompile("(".repeat(1000) + "a|b*".repeat(50) + ")".repeat(1000))).not.toBeNull();
  });

  it("(?i) orbits: every code point that case folding equates with another", () => {
    let checked = 0;
    for (let c = 0; c < 0x20000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (foldCodePoint(c).length < 2) continue;
      // A literal (the JavaScript parser folds it with foldCodePoint) and a class of one (with foldRanges).
      expectSameCompile(`(?i)\\x{${hex(c)}}`);
      expectSameCompile(`(?i)[\\x{${hex(c)}}]`);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
    for (const p of ["(?i)k", "(?i)K", "(?i)\u212a", "(?i)s", "(?i)\u017f", "(?i)[k-s]", "(?i)[^k]", "(?i)\\p{Lu}", "(?i)\\P{Ll}", "(?i)[[:upper:]]", "(?i)\\Qks\\E"]) {
      const words = expectSameCompile(p)!;
      for (const t of ["k", "K", "\u212a", "s", "S", "\u017f", "x"]) expectSameSearch(words, p, t);
    }
  });

  it("lone surrogates in a pattern read as U+FFFD in both engines", () => {
    const a = expectSameCompile("a\ud800b")!;
    expect(Array.from(a)).toEqual(Array.from(expectSameCompile("a\ufffdb")!));
    expect(regex.search(a, "a\udc00b")).toBe(true);
    expect(regex.search(a, "a\ufffdb")).toBe(true);
    // Errors quote the pattern as written.
    const bad = jsResult("\ud800(");
    expect(bad.ok).toBe(false);
    expect(regex.compile("\ud800(")).toEqual(bad);
    if (!bad.ok) expect(bad.error).toContain("\ud800(");
    expectSameCompile("\\p{\ud800}");
    expectSameCompile("[\udfff-\ud800]");
    expectSameCompile("(?P<\udc00>a)");
  });

  it("empty pattern and empty text", () => {
    const words = expectSameCompile("")!;
    expect(Array.from(words)).toEqual([0]);
    expect(regex.search(words, "")).toBe(true);
    for (const p of ["a", "^$", "\\b", "\\B", "a*", "(?m)^", "$", "[^a]"]) expectSameSearch(expectSameCompile(p)!, p, "");
  });

  it("memoizes compiled patterns", () => {
    const first = regex.compile("memo[0-9]+");
    expect(regex.compile("memo[0-9]+")).toBe(first);
  });
});

describe("regex helpers: search", () => {
  it("random patterns on random texts give the same answers", () => {
    fc.assert(
      fc.property(searchPattern, fc.array(text, { minLength: 1, maxLength: 4 }), (p, texts) => {
        const words = expectSameCompile(p);
        if (words === null || words.length > SEARCH_PROGRAM_LIMIT) return;
        for (const t of texts) expectSameSearch(words, p, t);
      }),
      { numRuns: runs(3000) },
    );
  });

  it("assertions and flags on texts of a few characters give the same answers", () => {
    fc.assert(
      fc.property(vmPattern, fc.array(vmText, { minLength: 1, maxLength: 6 }), (p, texts) => {
        const words = expectSameCompile(p);
        expect(words, p).not.toBeNull();
        for (const t of texts) expectSameSearch(words!, p, t);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("required first code points, anchors and word boundaries", () => {
    const cases: [string, string[]][] = [
      ["error", ["x".repeat(5000) + "error", "x".repeat(5000) + "erro", "errorr", ""]],
      ["😀x", ["a😀😀x", "😀", "x😀x"]],
      ["é(a|b)", ["ééa", "éc", "eb"]],
      ["\\x{FFFD}", ["a\ud800b", "a\ufffd", "abc"]],
      ["\\x{D800}", ["a\ud800b", "\ud800", "a"]],
      ["\\x{10FFFF}|\\x{0}", ["\u{10ffff}", "\0", "x"]],
      ["a\\b", ["ab a", "ab"]],
      ["^a", ["b".repeat(1000) + "a", "a"]],
      ["\\Aa|b", ["xb", "xa"]],
      ["(?m)^b$", ["a\nb\nc", "a\nbb"]],
      ["\\bé", [" é", "xé"]],
      ["(a*)*b", ["a".repeat(3000), "a".repeat(3000) + "b"]],
    ];
    for (const [p, texts] of cases) {
      const words = expectSameCompile(p)!;
      for (const t of texts) expectSameSearch(words, p, t);
    }
  });

  it("a 200 000-character text grows the memory and the instance stays usable", async () => {
    const fresh = await instantiate();
    const before = fresh.exports.memory.buffer.byteLength;
    const p = "(é|😀)+z$";
    const compiled = fresh.regex.compile(p);
    expect(compiled).toEqual(jsResult(p));
    if (!compiled.ok) return;
    const long = "é".repeat(100_000) + "😀".repeat(50_000) + "z";
    expect(long.length).toBeGreaterThan(200_000);
    const js = { code: compiled.words };
    for (const t of [long, long + "!", "z" + long.slice(1)]) expect(fresh.regex.search(compiled.words, t)).toBe(regexSearch(js, t));
    expect(fresh.exports.memory.buffer.byteLength).toBeGreaterThan(before);
    // A long pattern grows the memory before the parser calls the host for \p and (?i): the imports see the new memory.
    const grown = await instantiate();
    const longPattern = `(?:${"x".repeat(200_000)}){0}(?i)k\\pL`;
    const compiledLong = grown.regex.compile(longPattern);
    expect(grown.exports.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(compiledLong).toEqual(jsResult(longPattern));
    // Still usable: compiling calls back into the host (through the grown memory) and searching works.
    for (const q of ["(?i)\\p{Greek}+k", "[[:alpha:]]{3}\\d", ""]) {
      const again = fresh.regex.compile(q);
      expect(again).toEqual(jsResult(q));
      if (again.ok) for (const t of ["λλ\u212a", "abc1", ""]) expect(fresh.regex.search(again.words, t)).toBe(regexSearch({ code: again.words }, t));
    }
  });
});
