// RE2-syntax regular expressions in linear time: `compileRegex` parses a
// pattern and compiles it to a flat instruction program (README.md), and
// `regexSearch` runs a Pike VM over the text's code points. The program is a
// Uint32Array so that the same bytes can travel inside a Wasm bundle and run
// on an AssemblyScript port of the VM.

export interface RegexProgram {
  /** Instruction words, execution starts at 0 (format in README.md). */
  readonly code: Uint32Array;
}

export type CompileResult = { ok: true; program: RegexProgram } | { ok: false; error: string };

/** Compiles an RE2-syntax pattern; an error names what RE2 does not accept. */
export function compileRegex(pattern: string): CompileResult {
  return { ok: false, error: `regex engine not implemented yet: ${pattern}` };
}

/** Whether the program matches anywhere in `text` (RE2 PartialMatch, CEL `matches`). */
export function regexSearch(program: RegexProgram, text: string): boolean {
  return regexSearchSteps(program, text).matched;
}

/** `regexSearch` plus the number of VM steps taken (for linear-time tests). */
export function regexSearchSteps(program: RegexProgram, text: string): { matched: boolean; steps: number } {
  void program;
  void text;
  return { matched: false, steps: 0 };
}

/** Serializes a program (header + code words) for a Wasm bundle. */
export function encodeRegexProgram(p: RegexProgram): Uint32Array {
  return p.code.slice();
}

/** Reads a program written by `encodeRegexProgram`; throws on a malformed one. */
export function decodeRegexProgram(u32: Uint32Array): RegexProgram {
  return { code: u32.slice() };
}
