// Generators of RE2-syntax patterns and texts for comparing the two regex
// engines (test/wasm/regex-helpers.test.ts): pattern trees over every
// construct, valid and invalid, random metacharacter strings, and texts
// with newlines, non-ASCII, astral characters and lone surrogates.

import fc from "fast-check";

export const hex = (n: number): string => n.toString(16);

const plainChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."abcxAKks019 _-,:=!<>#/'\"@~&%;") },
  { weight: 3, arbitrary: fc.constantFrom("é", "É", "λ", "Σ", "σ", "ς", "ß", "ẞ", "\u212a", "\u017f", "\u0130", "\u0131", "中", "ǅ", "Ω", "\u2126", "\ufffd") },
  { weight: 2, arbitrary: fc.constantFrom("😀", "𝔸", "\u{10000}", "\u{10ffff}", "\u{1e900}", "\u{1e922}") },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff") }, // lone surrogates
);

const escape = fc.oneof(
  fc.constantFrom(
    ..."\\a \\f \\t \\n \\r \\v \\0 \\07 \\012 \\123 \\377 \\400 \\8 \\1 \\9 \\18 \\. \\* \\+ \\? \\( \\) \\[ \\] \\{ \\} \\| \\^ \\$ \\\\ \\- \\~ \\/ \\# \\& \\! \\_ \\e \\y \\Z \\C \\é \\😀 \\x41 \\xZZ \\x4 \\x{} \\x{110000} \\x{0000000041} \\x{00000041} \\x{41 \\k<n> \\K".split(" "),
    "\\ ",
    "\\",
  ),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => `\\x{${hex(c)}}`),
  fc.integer({ min: 0, max: 0x1fffff }).map((c) => `\\x{${hex(c).toUpperCase()}}`),
  fc.integer({ min: 0, max: 255 }).map((c) => `\\x${hex(c).padStart(2, "0")}`),
  fc.tuple(fc.string({ unit: fc.constantFrom("a", ".", "*", "\\", "E", "Q", "é", "😀", "K"), maxLength: 6 }), fc.boolean()).map(
    ([s, closed]) => `\\Q${s}${closed ? "\\E" : ""}`,
  ),
);

/** \Q...\E right before a repetition operator (valid or not), which applies to the last quoted character, or with none to what came before. */
const quotedRepeat = fc
  .tuple(
    fc.constantFrom("", "", "x", "x*", "(?i)", "^", "(?:ab)"),
    fc.string({ unit: fc.constantFrom("a", "b", ".", "*", "\\", "E", "Q", "é", "😀", "k"), maxLength: 4 }),
    fc.constantFrom("*", "+", "?", "*?", "{2}", "{0,3}", "{2,}?", "{1}", "{0}", "**", "*+", "{1001}", "{x}", "\\E*", "\\Q\\E+"),
  )
  .map(([before, s, q]) => `${before}\\Q${s}\\E${q}`);

const perlClass = fc.constantFrom("\\d", "\\D", "\\s", "\\S", "\\w", "\\W");
const unicodeClassEscape = fc.constantFrom(
  ..."\\pL \\pN \\PN \\pZ \\pP \\pS \\pM \\pC \\p{Greek} \\p{^Lu} \\P{^Greek} \\p{Lu} \\p{Ll} \\p{Lt} \\p{Nd} \\p{Zs} \\p{Cs} \\p{Co} \\p{Any} \\P{Any} \\p{Latin} \\p{Han} \\p{Cyrillic} \\p{Common} \\p{Foo} \\p{} \\p{^} \\pé \\p{L \\p \\P \\p{greek} \\p{Grek} \\pX".split(
    " ",
  ),
);

const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(999, 1000, 1001, 5000, 123456789, 123456789012) },
);
const quantifier = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("*", "+", "?", "*?", "+?", "??") },
  { weight: 2, arbitrary: fc.constantFrom("++", "**", "*+", "?+", "+*", "?*", "???", "+??", "*{2}", "{2}{3}", "{2}?+", "{2}*") },
  { weight: 2, arbitrary: fc.constantFrom("{,3}", "{01}", "{1,01}", "{00}", "{x}", "{", "{2", "{2,", "{}", "{-1}", "{ 2}", "{2,3", "{,}") },
  { weight: 3, arbitrary: fc.tuple(count, fc.boolean()).map(([n, lazy]) => `{${n}}${lazy ? "?" : ""}`) },
  { weight: 2, arbitrary: fc.tuple(count, fc.boolean()).map(([n, lazy]) => `{${n},}${lazy ? "?" : ""}`) },
  { weight: 3, arbitrary: fc.tuple(count, count, fc.boolean()).map(([a, b, lazy]) => `{${a},${b}}${lazy ? "?" : ""}`) },
);

// Few valid names, so that duplicates are frequent.
const groupName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("n", "m", "name_1") },
  { weight: 1, arbitrary: fc.constantFrom("", "a-b", "é", "n m", "n)", "\ud800") },
);
const groupOpen = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("(", "(?:") },
  { weight: 3, arbitrary: fc.constantFrom("(?i:", "(?-i:", "(?m:", "(?s:", "(?U:", "(?ims:", "(?i-s:", "(?s-i:", "(?U-U:") },
  { weight: 2, arbitrary: groupName.map((n) => `(?P<${n}>`) },
  { weight: 2, arbitrary: groupName.map((n) => `(?<${n}>`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("(?", "(?x:", "(?#", "(?>", "(?=", "(?!", "(?<=", "(?<!", "(?-)", "(?i-)", "(?-:", "(?P=n)", "(?P>", "(?<n", "(?P<n", "(?i", "(?--i:", "(?)"),
  },
);

/** Pattern trees over `plain` literals and `esc` escapes, with every construct of the syntax, valid or not. */
function patternOver(plain: fc.Arbitrary<string>, esc: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const classChar = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(..."^$.*+?()|{}[-\\") });
  const classItem = fc.oneof(
    { weight: 4, arbitrary: classChar },
    { weight: 3, arbitrary: fc.tuple(classChar, classChar).map(([a, b]) => `${a}-${b}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ..."[:alpha:] [:^digit:] [:word:] [:foo:] [:upper:] [:^space:] [:xdigit:] [:punct:] [:alnum:] [:ascii:] [:blank:] [:cntrl:] [:graph:] [:lower:] [:print:] [:space:] [::] [:^:] [:alpha] [: [ \\b \\B \\x{1F600} \\n \\- \\] \\[ -".split(
          " ",
        ),
      ),
    },
    // Names only an object's prototype knows: unknown classes in both engines.
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), fc.boolean()).map(([n, neg]) => `[:${neg ? "^" : ""}${n}:]`) },
    { weight: 2, arbitrary: perlClass },
    { weight: 1, arbitrary: unicodeClassEscape },
    { weight: 1, arbitrary: esc },
  );
  const bracket = fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.array(classItem, { maxLength: 5 }), fc.integer({ min: 0, max: 15 }))
    .map(([negated, flags, items, closed]) => `[${negated ? "^" : ""}${flags === 0 ? "]" : ""}${items.join("")}${closed > 0 ? "]" : ""}`);

  const atom = fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: 3, arbitrary: esc },
    { weight: 1, arbitrary: quotedRepeat },
    { weight: 3, arbitrary: bracket },
    { weight: 2, arbitrary: perlClass },
    { weight: 2, arbitrary: unicodeClassEscape },
    { weight: 2, arbitrary: fc.constantFrom(".", "^", "$", "\\A", "\\z", "\\b", "\\B") },
    { weight: 2, arbitrary: fc.constantFrom("(?i)", "(?m)", "(?s)", "(?U)", "(?-i)", "(?ims)", "(?i-m)", "(?-s)", "(?U-i)") },
    { weight: 1, arbitrary: fc.constantFrom("(", ")", "[", "]", "{", "}", "|", "*", "+", "?", "{2}", "{1,}", "\\") },
  );

  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      atom,
      fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
      fc.tuple(tie("node"), tie("node")).map(([a, b]) => `${a}|${b}`),
      fc.tuple(groupOpen, tie("node"), fc.integer({ min: 0, max: 19 })).map(([open, body, close]) => `${open}${body}${close > 0 ? ")" : ""}`),
      fc.tuple(tie("node"), quantifier).map(([a, q]) => a + q),
    ),
  })).node;
}

export const pattern = patternOver(plainChar, escape);

/** Literals and escapes drawn from the texts' alphabet, so that searches match often. */
const searchChar = fc.constantFrom(..."abcAKks \n_", "é", "É", "σ", "Σ", "ς", "\u212a", "\u017f", "😀", "\ud800", "\ufffd");
const searchEscape = fc.constantFrom(
  ..."\\n \\x{e9} \\x{1F600} \\x{FFFD} \\x61 \\. \\Qa.\\E \\141 \\x{212A} \\Qab\\E \\Qks\\E \\Q\\E \\Qa\\\\E \\Q\\\\\\E".split(" "),
);
export const searchPattern = patternOver(searchChar, searchEscape);

/** Raw strings over the metacharacters and the letters that follow a backslash or open a group. */
const metachar = fc.constantFrom(..."()[]{}*+?|^$.\\-,:=!<>#PpLNdDwWsSbBQEaAzZkx0179{}iUms_ é😀^".split(""), "😀", "\ud800");
export const rawPattern = fc.string({ unit: metachar, maxLength: 30 });

const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."abcxAKks019 _-,.:\n\r\t{}()[]*+?|\\") },
  { weight: 3, arbitrary: fc.constantFrom("é", "É", "λ", "Σ", "σ", "ς", "ß", "ẞ", "\u212a", "\u017f", "\u0130", "\u0131", "中", "ǅ", "\ufffd", "\u000b") },
  { weight: 2, arbitrary: fc.constantFrom("😀", "𝔸", "\u{10000}", "\u{10ffff}", "\u{1e900}") },
  { weight: 1, arbitrary: fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff") },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);
/** Mostly the search patterns' alphabet, so that whether a text matches hinges on single characters. */
const searchUnit = fc.constantFrom(..."abcAKks1 _-\n\r", "é", "É", "σ", "Σ", "ς", "\u212a", "\u017f", "😀", "\ud800", "\udc00", "\ufffd");
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: searchUnit, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: textUnit, maxLength: 16 }) },
);

/** Assertions, flags and the VM's instruction kinds over a tiny alphabet, where every character decides. */
const vmAtom = fc.constantFrom(..."a b é \u212a . ^ $ \\A \\z \\b \\B \\n \\r [^a] [a-b] \\w \\W \\s \\S \\pL \\PL (?i:a) (?s:.)".split(" "));
export const vmPattern = fc
  .tuple(
    fc.constantFrom("", "(?m)", "(?s)", "(?i)", "(?ims)", "(?U)", "(?m-s)"),
    fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        vmAtom,
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => a + b),
        fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,2}?", "*?")).map(([a, q]) => `(?:${a})${q}`),
      ),
    })).node,
  )
  .map(([flags, body]) => flags + body);
export const vmText = fc.string({ unit: fc.constantFrom("a", "b", "é", "\n", "\r", " ", "\u212a", "_", "\ud800"), maxLength: 6 });

/** Programs kept small enough that searches stay cheap in both engines. */
