// The texts of compileRegex's errors, by number. The JavaScript parser
// (parser.ts) and the host binding of the AssemblyScript port
// (runtime/engine/helper-regex.ts) both turn an error code and its
// positions into text here, so the two engines cannot drift apart in
// wording. The numbers are an ABI: wasm/assembly/regex/errors.ts repeats
// them. This file imports nothing, so that the runtime bundle can use it
// without pulling in the JavaScript parser.

/** RE2 rejects a counted repetition above 1000. */
export const MAX_REPEAT = 1000;
/** Same value as program.ts's MAX_PROGRAM_WORDS (2^18), repeated to keep this file import-free; a test checks they agree. */
const PROGRAM_WORDS_LIMIT = 1 << 18;

/** Error codes (1-based; 0 means success in the Wasm ABI). */
export const enum RegexError {
  UnexpectedParen = 1,
  MissingParen = 2,
  MissingBracket = 3,
  MissingRepeatArgument = 4,
  InvalidRepeatCount = 5,
  NestedRepetition = 6,
  Possessive = 7,
  Lookaround = 8,
  AtomicGroup = 9,
  Comment = 10,
  GroupFlags = 11,
  GroupNameChar = 12,
  NamedGroup = 13,
  /** Quotes the name: code points [from, to) of the pattern. */
  DuplicateName = 14,
  Nesting = 15,
  ClassRange = 16,
  Escape = 17,
  /** Quotes the name: code points [from, to) of the pattern. */
  UnknownClass = 18,
  TrailingBackslash = 19,
  Backreference = 20,
  BackslashZ = 21,
  BackslashC = 22,
  /** The compiled program is over the size limit; no position. */
  TooLarge = 23,
}

/** `{}` stands for the quoted part of the pattern. */
const MESSAGES: readonly string[] = [
  "",
  "unexpected )",
  "missing closing )",
  "missing closing ]",
  "missing argument to repetition operator",
  `invalid repeat count (RE2 allows at most ${MAX_REPEAT}, and min <= max)`,
  "invalid nested repetition operator",
  "possessive repetition is not supported",
  "lookaround assertions are not supported (RE2 syntax)",
  "atomic groups are not supported (RE2 syntax)",
  "comments are not supported (RE2 syntax)",
  "invalid or unsupported group flags (RE2 syntax)",
  "invalid named capture group name",
  "invalid named capture group",
  'duplicate capture group name "{}"',
  "expression nests too deeply",
  "invalid character class range",
  "invalid escape sequence",
  "unknown Unicode class \\p{{}}",
  "trailing backslash at end of expression",
  "backreferences are not supported (RE2 syntax)",
  "\\Z is not supported (use \\z)",
  "\\C is not supported",
  `regular expression too large (compiled program over ${PROGRAM_WORDS_LIMIT} words)`,
];

/** Length of the pattern excerpt an error quotes, in code points. */
const EXCERPT = 12;

/**
 * The text compileRegex returns for error `code`: `at` is the code-point
 * index of the pattern the error points at, [from, to) the code points a
 * message quotes (-1 when it quotes none). Indices count the code points of
 * `pattern` as written (a lone surrogate is one), and the quoted parts come
 * from it unchanged.
 */
export function formatRegexError(code: number, pattern: string, at: number, from: number, to: number): string {
  const text = MESSAGES[code];
  if (text === undefined || code === 0) return `invalid regular expression: unknown error ${code}`;
  if (code === RegexError.TooLarge) return `invalid regular expression: ${text}`;
  const chars = Array.from(pattern);
  const quoted = from >= 0 ? chars.slice(from, to).join("") : "";
  const message = text.replace("{}", () => quoted);
  return `invalid regular expression: ${message} at \`${chars.slice(at, at + EXCERPT).join("")}\` in \`${pattern}\``;
}
