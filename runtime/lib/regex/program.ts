// The instruction set of compiled patterns (documented in README.md; the
// AssemblyScript VM follows that document). A program is one Uint32Array;
// every instruction is an opcode word followed by its operands, and jump
// targets are word offsets into the same array.

export const Op = {
  /** MATCH: the pattern matched. */
  Match: 0,
  /** CHAR cp: consume exactly the code point cp. */
  Char: 1,
  /** CLASS n lo1 hi1 ... lon hin: consume a code point in one of n sorted disjoint ranges. */
  Class: 2,
  /** ANY: consume any code point. */
  Any: 3,
  /** ANY_NOT_NL: consume any code point but U+000A. */
  AnyNotNewline: 4,
  /** SPLIT x y: continue at both x and y (x preferred). */
  Split: 5,
  /** JMP x: continue at x. */
  Jump: 6,
  /** ASSERT k: continue only if the empty-width condition k holds here. */
  Assert: 7,
} as const;

export const Assertion = {
  /** ^ under (?m): start of text or after "\n". */
  BeginLine: 0,
  /** $ under (?m): end of text or before "\n". */
  EndLine: 1,
  /** \A, and ^ without (?m). */
  BeginText: 2,
  /** \z, and $ without (?m). */
  EndText: 3,
  /** \b: an ASCII word character on exactly one side. */
  WordBoundary: 4,
  /** \B: not \b. */
  NotWordBoundary: 5,
} as const;

/** "RE2P" in ASCII: the first word of an encoded program. */
export const PROGRAM_MAGIC = 0x52453250;
export const PROGRAM_VERSION = 1;

/** Programs are capped at this many words (RE2 caps program memory too). */
export const MAX_PROGRAM_WORDS = 1 << 18;

/**
 * Instructions in a program: the size the work term of `matches` charges
 * for (docs/fuel.md). Not words: a CLASS's ranges come from the host's
 * Unicode tables (\p{L}), whose size differs between JavaScript engines,
 * and fuel must not; the VM tests a class by binary search anyway.
 */
export function instructionCount(code: ArrayLike<number>): number {
  let n = 0;
  for (let pc = 0; pc < code.length; pc += instructionWidth(code, pc)) n++;
  return n;
}

/** Number of words the instruction at `pc` occupies. */
export function instructionWidth(code: ArrayLike<number>, pc: number): number {
  switch (code[pc]) {
    case Op.Match:
    case Op.Any:
    case Op.AnyNotNewline:
      return 1;
    case Op.Char:
    case Op.Jump:
    case Op.Assert:
      return 2;
    case Op.Split:
      return 3;
    case Op.Class:
      return 2 + 2 * code[pc + 1]!;
    default:
      return -1;
  }
}

/**
 * Checks that every instruction is known, every operand in range, every
 * jump lands on an instruction start and no instruction continues past the
 * end, so a VM never reads out of bounds.
 * Returns an error message or null.
 */
export function validateProgram(code: Uint32Array): string | null {
  if (code.length === 0) return "empty program";
  if (code.length > MAX_PROGRAM_WORDS) return "program too large";
  const starts = new Uint8Array(code.length);
  const targets: number[] = [];
  let pc = 0;
  while (pc < code.length) {
    const width = instructionWidth(code, pc);
    if (width < 0) return `unknown opcode ${code[pc]} at ${pc}`;
    if (pc + width > code.length) return `truncated instruction at ${pc}`;
    starts[pc] = 1;
    const op = code[pc];
    if (op === Op.Jump) targets.push(code[pc + 1]!);
    if (op === Op.Split) targets.push(code[pc + 1]!, code[pc + 2]!);
    if (op === Op.Char && code[pc + 1]! > 0x10ffff) return `bad code point at ${pc}`;
    if (op === Op.Assert && code[pc + 1]! > Assertion.NotWordBoundary) return `bad assertion at ${pc}`;
    if (op === Op.Class) {
      let previous = -1;
      for (let i = pc + 2; i < pc + width; i += 2) {
        const lo = code[i]!;
        const hi = code[i + 1]!;
        if (lo > hi || hi > 0x10ffff || (previous >= 0 && lo <= previous + 1)) return `bad class at ${pc}`;
        previous = hi;
      }
    }
    // Only MATCH, JMP and SPLIT may end the program: the others continue at pc + width.
    if (pc + width === code.length && op !== Op.Match && op !== Op.Jump && op !== Op.Split) {
      return `instruction at ${pc} falls off the end`;
    }
    pc += width;
  }
  for (const t of targets) if (t >= code.length || starts[t] !== 1) return `bad jump target ${t}`;
  return null;
}
