// Error codes of edict_regex_compile, the numbers of
// runtime/lib/regex/messages.ts (`RegexError`), which turns them into text
// on the host. Keep the two lists in step: test/wasm/regex-helpers.test.ts
// compares every message with the JavaScript compiler's.

export const UNEXPECTED_PAREN: i32 = 1;
export const MISSING_PAREN: i32 = 2;
export const MISSING_BRACKET: i32 = 3;
export const MISSING_REPEAT_ARGUMENT: i32 = 4;
export const INVALID_REPEAT_COUNT: i32 = 5;
export const NESTED_REPETITION: i32 = 6;
export const POSSESSIVE: i32 = 7;
export const LOOKAROUND: i32 = 8;
export const ATOMIC_GROUP: i32 = 9;
export const COMMENT: i32 = 10;
export const GROUP_FLAGS: i32 = 11;
export const GROUP_NAME_CHAR: i32 = 12;
export const NAMED_GROUP: i32 = 13;
/** Quotes the group name: code points [from, to) of the pattern. */
export const DUPLICATE_NAME: i32 = 14;
export const NESTING: i32 = 15;
export const CLASS_RANGE: i32 = 16;
export const ESCAPE: i32 = 17;
/** Quotes the class name: code points [from, to) of the pattern. */
export const UNKNOWN_CLASS: i32 = 18;
export const TRAILING_BACKSLASH: i32 = 19;
export const BACKREFERENCE: i32 = 20;
export const BACKSLASH_Z: i32 = 21;
export const BACKSLASH_C: i32 = 22;
/** The program is over MAX_PROGRAM_WORDS; no position. */
export const TOO_LARGE: i32 = 23;
