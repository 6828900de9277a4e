// Differential test: on a subset of syntax where RE2 and JS RegExp agree
// (ASCII text without \r, no lookaround or backreferences), `regexSearch`
// must give the same answer as JS's backtracking engine. Patterns are
// random trees over a small alphabet so that matches are frequent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRegex, decodeRegexProgram, encodeRegexProgram, regexSearch } from "../../runtime/lib/regex/index.js";
import { runs } from "../support/runs.js";

const atom = fc.constantFrom("a", "b", "c", "A", ".", "[ab]", "[^a]", "[a-c]", "\\w", "\\W", "\\s", "\\d", "^", "$", "\\b", "\\B", "\\n", " ");

const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
    fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "*?", "+?", "??", "{1,2}?")).map(
      ([a, q]) => `(?:${a})${q}`,
    ),
    tie("node").map((a) => `(${a})`),
  ),
})).node;

const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "A", "1", " ", "\n", "_"), maxLength: 10 });
const flags = fc.constantFrom("", "i", "m", "s", "ims");

describe("regexSearch agrees with JS RegExp on the shared subset", () => {
  it("random patterns and texts", () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), flags, (p, texts, f) => {
        const compiled = compileRegex(f === "" ? p : `(?${f})${p}`);
        expect(compiled.ok).toBe(true);
        if (!compiled.ok) return;
        const js = new RegExp(p, f);
        for (const t of texts) expect(regexSearch(compiled.program, t), `/${p}/${f} on ${JSON.stringify(t)}`).toBe(js.test(t));
      }),
      { numRuns: runs(1500) },
    );
  });

  it("encoded programs decode to programs that match the same", () => {
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const compiled = compileRegex(p);
        if (!compiled.ok) return;
        const decoded = decodeRegexProgram(encodeRegexProgram(compiled.program));
        expect(decoded.code).toEqual(compiled.program.code);
        expect(regexSearch(decoded, t)).toBe(regexSearch(compiled.program, t));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("\\Q...\\E then a repetition agrees with JS on the same characters escaped", () => {
  // RE2 reads \Q...\E as one literal after another, so a repetition after \E
  // applies to the last quoted character (with none, to what came before):
  // JS, which has no \Q, gets each character escaped and the last grouped.
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quotedUnit = fc.constantFrom("a", "b", ".", "*", "\\", "(", "|", "E", "Q", "{");
  const quantifier = fc.constantFrom("*", "+", "?", "{2}", "{0,2}", "{1,}", "*?", "+?", "{2,3}?");

  it("random quoted text, after nothing or another atom", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "a", "b", "(?:ab)"),
        fc.string({ unit: quotedUnit, maxLength: 4 }).filter((s) => !s.includes("\\E")),
        fc.boolean(),
        quantifier,
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", ".", "*", "\\", "(", "|", "E", "Q", "{", "x"), maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        (before, quoted, closed, q, texts) => {
          // Unclosed, the quote runs to the end of the pattern and takes the `q` too.
          const ours = compileRegex(`^(?:${before}\\Q${quoted}${closed ? "\\E" : ""}${q})$`);
          if (!closed) {
            expect(ours).toEqual({ ok: false, error: expect.stringContaining("missing closing )") });
            return;
          }
          if (quoted === "" && before === "") {
            expect(ours).toEqual({ ok: false, error: expect.stringContaining("missing argument to repetition operator") });
            return;
          }
          expect(ours.ok).toBe(true);
          if (!ours.ok) return;
          const chars = [...quoted];
          const js =
            chars.length === 0
              ? new RegExp(`^(?:${before})${q}$`)
              : new RegExp(`^${before}${escape(chars.slice(0, -1).join(""))}(?:${escape(chars.at(-1)!)})${q}$`);
          for (const t of texts) expect(regexSearch(ours.program, t), `${js} on ${JSON.stringify(t)}`).toBe(js.test(t));
        },
      ),
      { numRuns: runs(1500) },
    );
  });
});

describe("decodeRegexProgram", () => {
  it("rejects malformed encodings", () => {
    const good = encodeRegexProgram((compileRegex("a[b-d]*|e") as { ok: true; program: { code: Uint32Array } }).program);
    const corrupt = (i: number, v: number): Uint32Array => {
      const c = good.slice();
      c[i] = v;
      return c;
    };
    expect(() => decodeRegexProgram(new Uint32Array())).toThrow();
    expect(() => decodeRegexProgram(corrupt(0, 0))).toThrow(/not an encoded/);
    expect(() => decodeRegexProgram(corrupt(1, 99))).toThrow(/version/);
    expect(() => decodeRegexProgram(corrupt(2, 3))).toThrow(/length/);
    expect(() => decodeRegexProgram(good.slice(0, good.length - 1))).toThrow();
    const raw = (...code: number[]): Uint32Array => Uint32Array.from([0x52453250, 1, code.length, ...code]);
    expect(decodeRegexProgram(raw(1, 97, 0)).code).toEqual(Uint32Array.from([1, 97, 0]));
    expect(() => decodeRegexProgram(raw(1, 97))).toThrow(/falls off the end/);
    expect(() => decodeRegexProgram(raw(7, 2))).toThrow(/falls off the end/);
    expect(() => decodeRegexProgram(raw(6, 1, 0))).toThrow(/jump target/);
    expect(() => decodeRegexProgram(raw(5, 0, 9, 0))).toThrow(/jump target/);
    expect(() => decodeRegexProgram(raw(2, 2, 5, 9, 7, 8, 0))).toThrow(/class/); // overlapping ranges
    expect(() => decodeRegexProgram(raw(2, 1, 9, 5, 0))).toThrow(/class/); // lo > hi
    expect(() => decodeRegexProgram(raw(1, 0x110000, 0))).toThrow(/code point/);
    expect(() => decodeRegexProgram(raw(7, 6, 0))).toThrow(/assertion/);
    expect(() => decodeRegexProgram(raw(9, 0))).toThrow(/opcode/);
  });

  it("never yields a program that reads out of bounds", () => {
    const good = encodeRegexProgram((compileRegex("(?:a|b[^x-z]+)*\\bc{2,3}$") as { ok: true; program: { code: Uint32Array } }).program);
    fc.assert(
      fc.property(fc.nat(good.length - 4), fc.nat(40), text, (i, v, t) => {
        const c = good.slice();
        c[3 + i] = v;
        let program;
        try {
          program = decodeRegexProgram(c);
        } catch {
          return;
        }
        expect(typeof regexSearch(program, t)).toBe("boolean");
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("compileRegex on arbitrary input", () => {
  const metachar = fc.constantFrom(..."()[]{}*+?|^$.\\-,:=!<>#PpLNdwsbBQEaAzZkx019{}iUms_ ");
  it("returns ok or an error, never throws, and compiled programs run", () => {
    fc.assert(
      fc.property(fc.string({ unit: metachar, maxLength: 24 }), text, (p, t) => {
        const r = compileRegex(p);
        if (r.ok) expect(typeof regexSearch(r.program, t)).toBe("boolean");
        else expect(r.error).toMatch(/^invalid regular expression: /);
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe("cel-spec string/matches conformance cases", () => {
  it.each([
    ["hubba", "ubb", true],
    ["", "foo|bar", false],
    ["cows", "", true],
    ["", "", true],
    ["abcd", "bc", true],
    ["grey", "gr(a|e)y", true],
    ["banana", "ba(na)*", true],
    ["mañana", "a+ñ+a+", true],
    ["🐱😀😀", "(a|😀){2}", true],
    ["hello world", "hello", true],
  ])("%j.matches(%j) == %s", (s, p, expected) => {
    const r = compileRegex(p);
    expect(r.ok && regexSearch(r.program, s)).toBe(expected);
  });
});

describe("regexSearch agrees with JS /u on non-ASCII text", () => {
  // No \w, \b: under /iu JS adds U+017F and U+212A to \w, RE2 does not.
  const uAtom = fc.constantFrom("a", "é", "É", "σ", "Σ", "ς", "k", "\u212a", "😀", ".", "[aé]", "[^é]", "[α-ω]", "\\p{L}", "\\p{Lu}", "\\P{L}", "^", "$");
  const uPattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      uAtom,
      fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
      fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
      fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}")).map(([a, q]) => `(?:${a})${q}`),
    ),
  })).node;
  const uText = fc.string({ unit: fc.constantFrom("a", "A", "é", "É", "σ", "Σ", "ς", "k", "K", "\u212a", "😀", "x"), maxLength: 8 });

  it("with and without case folding", () => {
    fc.assert(
      fc.property(uPattern, fc.array(uText, { minLength: 1, maxLength: 5 }), fc.boolean(), (p, texts, fold) => {
        const compiled = compileRegex(fold ? `(?i)${p}` : p);
        expect(compiled.ok).toBe(true);
        if (!compiled.ok) return;
        const js = new RegExp(p, fold ? "iu" : "u");
        for (const t of texts) expect(regexSearch(compiled.program, t), `/${p}/${fold ? "iu" : "u"} on ${JSON.stringify(t)}`).toBe(js.test(t));
      }),
      { numRuns: runs(1000) },
    );
  });
});
