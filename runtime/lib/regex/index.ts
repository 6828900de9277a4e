// RE2-syntax regular expressions in linear time: `compileRegex` parses a
// pattern and compiles it to a flat instruction program (README.md), and
// `regexSearch` runs a Pike VM over the text's code points. The program is a
// Uint32Array so that the same words can travel inside a Wasm bundle and run
// on an AssemblyScript port of the VM.

import { compileNode, ProgramTooLargeError } from "./compiler.js";
import { formatRegexError, RegexError } from "./messages.js";
import { parseRegex, RegexSyntaxError } from "./parser.js";
import { PROGRAM_MAGIC, PROGRAM_VERSION, validateProgram } from "./program.js";
import { runProgram, type SearchOutcome } from "./vm.js";

export { MAX_REPEAT } from "./messages.js";
export { MAX_PROGRAM_WORDS } from "./program.js";

export interface RegexProgram {
  /** Instruction words; execution starts at 0 (format in README.md). */
  readonly code: Uint32Array;
}

export type CompileResult = { ok: true; program: RegexProgram } | { ok: false; error: string };

/** Compiles an RE2-syntax pattern; an error says what RE2 does not accept. */
export function compileRegex(pattern: string): CompileResult {
  try {
    return { ok: true, program: { code: compileNode(parseRegex(pattern)) } };
  } catch (e) {
    // Both texts come from messages.ts, which the Wasm helper's binding shares.
    if (e instanceof RegexSyntaxError) return { ok: false, error: e.message };
    if (e instanceof ProgramTooLargeError) return { ok: false, error: formatRegexError(RegexError.TooLarge, pattern, -1, -1, -1) };
    throw e;
  }
}

const CACHE_LIMIT = 256;
const cache = new Map<string, CompileResult>();

/**
 * `compileRegex` memoized per pattern (the most recent 256), for callers
 * that see the same computed pattern many times, e.g. `matches` in a loop.
 */
export function compileRegexCached(pattern: string): CompileResult {
  let result = cache.get(pattern);
  if (result !== undefined) {
    // Re-insert to keep recently used patterns at the end.
    cache.delete(pattern);
  } else {
    result = compileRegex(pattern);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(pattern, result);
  return result;
}

/** Whether the program matches anywhere in `text` (RE2 PartialMatch, CEL `matches`). */
export function regexSearch(program: RegexProgram, text: string): boolean {
  return runProgram(program.code, text).matched;
}

/** `regexSearch` plus the number of VM steps taken (linear-time evidence, fuel). */
export function regexSearchSteps(program: RegexProgram, text: string): SearchOutcome {
  return runProgram(program.code, text);
}

const HEADER_WORDS = 3;

/** Serializes a program: [magic, version, code length, ...code]. */
export function encodeRegexProgram(p: RegexProgram): Uint32Array {
  const out = new Uint32Array(HEADER_WORDS + p.code.length);
  out[0] = PROGRAM_MAGIC;
  out[1] = PROGRAM_VERSION;
  out[2] = p.code.length;
  out.set(p.code, HEADER_WORDS);
  return out;
}

/** Reads a program written by `encodeRegexProgram`; throws on a malformed one. */
export function decodeRegexProgram(u32: Uint32Array): RegexProgram {
  if (u32.length < HEADER_WORDS || u32[0] !== PROGRAM_MAGIC) throw new Error("not an encoded regex program");
  if (u32[1] !== PROGRAM_VERSION) throw new Error(`unsupported regex program version ${u32[1]}`);
  if (u32[2] !== u32.length - HEADER_WORDS) throw new Error("regex program length mismatch");
  const code = u32.slice(HEADER_WORDS);
  const problem = validateProgram(code);
  if (problem !== null) throw new Error(`malformed regex program: ${problem}`);
  return { code };
}
