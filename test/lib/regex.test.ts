import { describe, expect, it } from "vitest";
import { compileRegex, regexSearch, type RegexProgram } from "../../runtime/lib/regex/index.js";

function compile(pattern: string): RegexProgram {
  const r = compileRegex(pattern);
  if (!r.ok) throw new Error(r.error);
  return r.program;
}

const matches = (pattern: string, text: string): boolean => regexSearch(compile(pattern), text);

describe("regexSearch: RE2 syntax", () => {
  it.each([
    // literals, partial match anywhere
    ["abc", "xxabcxx", true],
    ["abc", "ab", false],
    ["", "", true],
    ["", "anything", true],
    // dot
    ["a.c", "abc", true],
    ["a.c", "a\nc", false],
    ["(?s)a.c", "a\nc", true],
    ["a.c", "a😀c", true],
    ["^.$", "😀", true],
    // classes
    ["[abc]+$", "xxcab", true],
    ["^[a-c]+$", "abd", false],
    ["[^a-c]", "abc", false],
    ["[^a-c]", "abcd", true],
    ["[]a]", "]", true],
    ["[^]a]", "]a", false],
    ["[a-]", "-", true],
    ["[-a]", "-", true],
    ["[\\d]", "7", true],
    ["[\\D]", "7", false],
    ["[^\\n]", "\n", false],
    ["[[:alpha:]]", "1a", true],
    ["^[[:alpha:]]+$", "ab1", false],
    ["[[:^digit:]]", "123", false],
    ["[[:xdigit:]]+", "fF09", true],
    ["[[:punct:]]", "a!", true],
    ["^[[:word:]]+$", "a_1", true],
    ["[\\x{1F600}-\\x{1F64F}]", "hi 😃", true],
    ["[α-ω]", "λ", true],
    // perl classes are ASCII
    ["\\d", "٣", false],
    ["^\\d+$", "0123456789", true],
    ["\\w", "é", false],
    ["^\\w+$", "abc_XYZ_09", true],
    ["\\s", "\u000b", false], // RE2's \s has no \v
    ["\\s", "\t", true],
    ["\\S", " \t\n", false],
    ["\\W", "a", false],
    // Unicode classes
    ["\\pL", "1é", true],
    ["^\\pL+$", "héllo", true],
    ["\\p{Lu}", "abc", false],
    ["\\p{Lu}", "abC", true],
    ["\\p{Ll}", "ABC", false],
    ["\\pN", "٣", true],
    ["\\p{Nd}", "٣", true],
    ["\\p{Greek}", "abc λ", true],
    ["\\p{Greek}", "abc", false],
    ["\\p{Han}", "中", true],
    ["\\p{Cyrillic}+", "завтра", true],
    ["\\PL", "abc", false],
    ["\\P{L}", "ab1", true],
    ["\\p{^L}", "abc", false],
    ["\\P{^L}", "a", true],
    ["\\pP", "a,b", true],
    ["\\pS", "1+1", true],
    ["\\pZ", "a b", true],
    ["\\p{Any}", "x", true],
    // anchors
    ["^abc", "abcd", true],
    ["^abc", "xabc", false],
    ["abc$", "xabc", true],
    ["abc$", "abc\n", false], // RE2: $ without (?m) is end of text only
    ["(?m)abc$", "abc\nx", true],
    ["(?m)^x", "abc\nx", true],
    ["^x", "abc\nx", false],
    ["\\Aabc", "abc", true],
    ["(?m)\\Ax", "a\nx", false],
    ["abc\\z", "abc", true],
    ["(?m)abc\\z", "abc\n", false],
    ["^$", "", true],
    ["^$", "\n", false],
    ["(?m)^$", "a\n", true],
    // word boundaries (ASCII word characters)
    ["\\bfoo\\b", "a foo b", true],
    ["\\bfoo\\b", "afoob", false],
    ["\\bfoo", "foo", true],
    ["foo\\B", "foobar", true],
    ["foo\\B", "foo bar", false],
    ["\\b", "", false],
    ["\\B", "", true],
    ["\\bé", " é", false], // é is not an ASCII word character
    // groups and alternation
    ["(a|b)c", "bc", true],
    ["(?:ab)+$", "ababab", true],
    ["^(?:ab)+$", "ababa", false],
    ["(?P<year>\\d{4})-(?<month>\\d{2})", "on 2026-11", true],
    ["a|b|c", "c", true],
    ["a|", "zzz", true],
    ["|a", "zzz", true],
    ["^(a|ab)(c|bcd)$", "abcd", true],
    ["()", "", true],
    // repetition
    ["^a*$", "", true],
    ["^a+$", "", false],
    ["^a?b$", "b", true],
    ["^a{3}$", "aaa", true],
    ["^a{3}$", "aaaa", false],
    ["^a{2,}$", "a", false],
    ["^a{2,}$", "aaaaaa", true],
    ["^a{2,4}$", "aaaaa", false],
    ["^a{2,4}$", "aaaa", true],
    ["^a{0}$", "", true],
    ["^a{0,0}b$", "b", true],
    ["^(ab){2}$", "abab", true],
    ["^a*?$", "aaa", true],
    ["^a+?b", "aaab", true],
    ["^a??b", "ab", true],
    ["^a{2,3}?$", "aaa", true],
    ["(?U)^a+$", "aaa", true],
    ["^(a*)*$", "aaaa", true],
    ["^(a*)+b$", "aaaab", true],
    ["^(a|)+$", "aaa", true],
    // braces that are not repetitions are literals
    ["a{", "a{", true],
    ["a{,3}", "a{,3}", true],
    ["a{x}", "a{x}", true],
    ["^a{01}$", "a{01}", true], // a leading zero makes the braces literal, as in Go
    ["^a{1,2$", "a{1,2", true],
    // escapes
    ["\\.", "a", false],
    ["\\.", ".", true],
    ["\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", "*+?()[]{}|^$\\", true],
    ["\\x41", "A", true],
    ["\\x{263a}", "☺", true],
    ["\\101", "A", true],
    ["\\0", "\u0000", true],
    ["\\t\\n\\r\\f\\v\\a", "\t\n\r\f\u000b\u0007", true],
    ["\\Qa.b*c\\E", "a.b*c", true],
    ["\\Qa.b*c\\E", "axbbc", false],
    ["\\Qa.b", "a.b", true],
    // a repetition after \E applies to the last quoted character, as in RE2 (\Qab\E* is ab*)
    ["^\\Qab\\E*$", "a", true],
    ["^\\Qab\\E*$", "abbb", true],
    ["^\\Qab\\E*$", "abab", false],
    ["^\\Qab\\E+$", "a", false],
    ["^\\Qab\\E{2}$", "abb", true],
    ["^\\Qab\\E{2}$", "abab", false],
    ["^\\Q.*\\E?$", ".", true],
    ["^\\Q.*\\E?$", ".*", true],
    ["^\\Q.*\\E?$", "x*", false],
    ["(?i)^\\Qab\\E{2}$", "ABb", true],
    // with nothing quoted it applies to the item before \Q
    ["^a\\Q\\E*$", "aaa", true],
    ["^a\\Q\\E*$", "", true],
    ["^ab\\Q\\E{2}$", "abb", true],
    // only \E ends the quote: a backslash inside is a literal (RE2: \Q\\E is one backslash, \Q\\\E two)
    ["^\\Q\\\\E$", "\\", true],
    ["^\\Q\\\\\\E$", "\\\\", true],
    ["^\\Q\\\\\\E$", "\\", false],
    ["^\\Qa\\\\E*$", "a\\\\", true],
    ["\\-\\~\\/\\#\\&\\!", "-~/#&!", true],
    // case folding
    ["(?i)hello", "HeLLo", true],
    ["(?i)HELLO", "hello", true],
    ["hello", "HELLO", false],
    ["(?i:a)b", "Ab", true],
    ["(?i:a)b", "AB", false],
    ["a(?i)b", "aB", true],
    ["a(?i)b", "AB", false],
    ["(?i)a(?-i)b", "Ab", true],
    ["(?i)a(?-i)b", "AB", false],
    ["(?i)[a-c]+$", "xABC", true],
    ["(?i)[^a]", "A", false],
    ["(?i)k", "\u212a", true], // KELVIN SIGN
    ["(?i)s", "\u017f", true], // LONG S
    ["(?i)σ", "Σ", true],
    ["(?i)σ", "ς", true],
    ["(?i)Σ", "ς", true],
    ["(?i)é", "É", true],
    ["(?i)i", "\u0131", false], // dotless i folds only under Turkic rules
    ["(?i)\\p{Lu}", "a", true],
    ["(?i)ß", "ẞ", true],
    // flags scope
    ["((?i)a)a", "Aa", true],
    ["((?i)a)a", "AA", false],
    ["(?im)^A$", "x\na", true],
    ["(?s-s).", "\n", false],
    ["(?ms).^", "\n", true],
  ])("%j on %j is %s", (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });
});

describe("compileRegex: errors for what RE2 rejects", () => {
  it.each([
    ["a(?=b)", "lookaround"],
    ["a(?!b)", "lookaround"],
    ["(?<=a)b", "lookaround"],
    ["(?<!a)b", "lookaround"],
    ["(a)\\1", "backreference"],
    ["(a)\\9", "backreference"],
    ["(?P<n>a)\\k<n>", "backreference"],
    ["(?>a)", "atomic"],
    ["a++", "possessive"],
    ["a**", "nested repetition"],
    ["a*+", "possessive"],
    ["a?*", "nested repetition"],
    ["a{2}{3}", "nested repetition"],
    ["a{1001}", "at most 1000"],
    ["a{2,1}", "min <= max"],
    ["a{1000,1001}", "at most 1000"],
    ["a{123456789012}", "at most 1000"],
    ["*a", "missing argument"],
    ["+", "missing argument"],
    ["a|?", "missing argument"],
    ["{2}", "missing argument"],
    ["(a", "missing closing )"],
    ["a)", "unexpected )"],
    ["[a", "missing closing ]"],
    ["[z-a]", "invalid character class range"],
    ["[[:foo:]]", "invalid character class range"],
    ["\\p{Foo}", "unknown Unicode class"],
    ["\\p{L", "invalid character class"],
    ["\\Z", "\\Z is not supported"],
    ["\\C", "\\C is not supported"],
    ["\\e", "invalid escape"],
    ["\\x{110000}", "invalid escape"],
    ["\\xZZ", "invalid escape"],
    ["a\\", "trailing backslash"],
    ["(?i-)a", "group flags"],
    ["(?)", "group flags"],
    ["(?x)a", "group flags"],
    ["(?#c)", "comments"],
    ["(?P<>a)", "named capture"],
    ["(?P<a-b>x)", "named capture"],
    ["(?P<n>a)(?P<n>b)", "duplicate"],
    ["\\Q\\E*", "missing argument"],
    ["\\Q\\E{2}", "missing argument"],
    ["a(\\Q\\E+)", "missing argument"],
    ["a|\\Q\\E?", "missing argument"],
    ["\\Qab\\E**", "nested repetition"],
    ["a\\Q\\E*+", "possessive"],
    ["(a{1000}){1000}", "too large"],
    ["(((((a{10}){10}){10}){10}){10}){10}", "too large"],
    ["\\pL{1000}", "too large"],
  ])("%j", (pattern, message) => {
    const r = compileRegex(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(message);
      expect(r.error).toContain("invalid regular expression");
    }
  });

  it("rejects nesting deeper than 1000 without overflowing the stack", () => {
    expect(compileRegex("(".repeat(1001) + "a" + ")".repeat(1001)).ok).toBe(false);
    expect(compileRegex("(".repeat(1000) + "a" + ")".repeat(1000)).ok).toBe(true);
  });

  it("accepts counted repetitions up to the limit", () => {
    expect(matches("^a{1000}$", "a".repeat(1000))).toBe(true);
    expect(matches("^a{1000}$", "a".repeat(999))).toBe(false);
    expect(matches("^(?:a{0,1000})$", "a".repeat(1000))).toBe(true);
  });
});

describe("\\Q...\\E compiles like the same characters escaped one by one (RE2)", () => {
  const words = (pattern: string): number[] => Array.from(compile(pattern).code);

  it.each([
    ["\\Qab\\E*", "ab*"],
    ["\\Qab\\E+?", "ab+?"],
    ["\\Qa.\\E{2,3}", "a\\.{2,3}"],
    ["x\\Q\\E*", "x*"],
    ["x*\\Q\\E+", "(?:x*)+"],
    ["x\\Q\\E\\Q\\E?", "x?"],
    ["(?i)\\Qk\\E*", "(?i)k*"],
    ["\\Q\\\\E", "\\\\"],
    ["\\Q\\\\\\E", "\\\\\\\\"],
    ["\\Q\\E", ""],
    ["\\Qa|b)\\E", "a\\|b\\)"],
  ])("%j is %j", (quoted, escaped) => {
    expect(words(quoted)).toEqual(words(escaped));
  });
});

describe("POSIX class names are looked up as own names only", () => {
  const inherited = Object.getOwnPropertyNames(Object.prototype);

  it.each(inherited)("[[:%s:]], negated or not, is an unknown class", (name) => {
    for (const pattern of [`[[:${name}:]]`, `[[:^${name}:]]`, `x[a[:${name}:]]`]) {
      const r = compileRegex(pattern);
      expect(r, pattern).toEqual({ ok: false, error: expect.stringContaining("invalid character class range at `[:") });
    }
  });

  it("every RE2 name still works, negated or not", () => {
    const names = ["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"];
    for (const name of names) {
      const members = [...Array(128).keys()].map((c) => String.fromCharCode(c)).filter((c) => matches(`[[:${name}:]]`, c));
      expect(members.length, name).toBeGreaterThan(0);
      for (const c of members) expect(matches(`[[:^${name}:]]`, c), `${name} ${c}`).toBe(false);
    }
  });
});

describe("case folding", () => {
  it("(?i) orbits agree with JS /iu simple case folding on every cased code point", () => {
    const literal = (c: number): string => "\\x{" + c.toString(16) + "}";
    let checked = 0;
    for (let c = 0; c < 0x20000; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      const others = new Set([s.toLowerCase(), s.toUpperCase(), s.toUpperCase().toLowerCase()].filter((t) => [...t].length === 1 && t !== s));
      if (others.size === 0) continue;
      const ours = compile(`(?i)^${literal(c)}$`);
      const js = new RegExp(`^\\u{${c.toString(16)}}$`, "iu");
      for (const t of others) {
        expect(regexSearch(ours, t), `U+${c.toString(16)} vs ${JSON.stringify(t)}`).toBe(js.test(t));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("search details", () => {
  it("skips ahead to a required first character without missing matches", () => {
    expect(matches("error", "x".repeat(5000) + "error")).toBe(true);
    expect(matches("error", "x".repeat(5000) + "erro")).toBe(false);
    expect(matches("e(rr|x)or", "eeexor")).toBe(true);
    expect(matches("ab|ac", "aaac")).toBe(true);
    expect(matches("😀x", "a😀😀x")).toBe(true);
    expect(matches("\\x{FFFD}", "a\ud800b")).toBe(true); // a lone surrogate reads as U+FFFD
    expect(matches("a\\b", "ab a")).toBe(true);
  });

  it("reuses working memory across searches of one program", () => {
    const p = compile("(a|b)*c");
    expect(regexSearch(p, "ababc")).toBe(true);
    expect(regexSearch(p, "abab")).toBe(false);
    expect(regexSearch(p, "c")).toBe(true);
  });
});

describe("compileRegexCached", () => {
  it("returns the same result for the same pattern and keeps errors", async () => {
    const { compileRegexCached } = await import("../../runtime/lib/regex/index.js");
    const a = compileRegexCached("a+b");
    expect(compileRegexCached("a+b")).toBe(a);
    expect(compileRegexCached("(?=x)")).toMatchObject({ ok: false });
    for (let i = 0; i < 300; i++) compileRegexCached(`x${i}`);
    const again = compileRegexCached("a+b");
    expect(again).not.toBe(a);
    expect(again.ok && regexSearch(again.program, "aab")).toBe(true);
  });
});
