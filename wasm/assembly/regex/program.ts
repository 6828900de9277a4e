// The instruction set of compiled patterns, as runtime/lib/regex/README.md
// documents it ("Program format"); the JavaScript engine uses the same
// numbers (runtime/lib/regex/program.ts).

export const OP_MATCH: u32 = 0;
export const OP_CHAR: u32 = 1;
export const OP_CLASS: u32 = 2;
export const OP_ANY: u32 = 3;
export const OP_ANY_NOT_NEWLINE: u32 = 4;
export const OP_SPLIT: u32 = 5;
export const OP_JUMP: u32 = 6;
export const OP_ASSERT: u32 = 7;

export const BEGIN_LINE: i32 = 0;
export const END_LINE: i32 = 1;
export const BEGIN_TEXT: i32 = 2;
export const END_TEXT: i32 = 3;
export const WORD_BOUNDARY: i32 = 4;
export const NOT_WORD_BOUNDARY: i32 = 5;

/** Programs are capped at this many words (runtime/lib/regex/program.ts). */
export const MAX_PROGRAM_WORDS: i32 = 1 << 18;
