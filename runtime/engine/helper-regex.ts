// The host side of the regex helpers (wasm/assembly/regex): the AssemblyScript
// port of runtime/lib/regex compiles patterns and runs the Pike VM inside
// the bundle, so the JavaScript parser, compiler and VM stay out of the
// runtime. What stays here is the Unicode data the parser needs (\p{...}
// classes and case folding, from unicode.ts, served through two imports)
// and the error texts (messages.ts, shared with the JavaScript parser so
// that both engines word errors identically).
//
// Patterns and texts reach the helper as UTF-8, so a lone surrogate arrives
// as U+FFFD; the JavaScript parser reads one the same way
// (runtime/lib/regex/README.md), hence the same programs on both sides.

import { formatRegexError } from "../lib/regex/messages.js";
import { normalizeRanges } from "../lib/regex/ranges.js";
import { foldCodePoint, foldRanges, unicodeClass } from "../lib/regex/unicode.js";
import type { HelperMemory } from "./helpers.js";
import { utf8Room } from "../lib/utf8.js";

export interface RegexHelperExports {
  /** Returns the address of a result record: [status, a, b, c, ...words] (wasm/assembly/regex/index.ts). */
  edict_regex_compile(patternPtr: number, patternLen: number): number;
  edict_regex_search(programPtr: number, words: number, textPtr: number, textLen: number): number;
}

/** `instructions`: the program's instruction count, the size the work term of `matches` charges for. */
export type RegexHelperCompileResult = { ok: true; words: Uint32Array; instructions: number } | { ok: false; error: string };

const decoder = new TextDecoder();

/**
 * The `edict` imports the regex helpers call. `bytes` must return a view
 * over the memory's current buffer: a helper may have grown the memory
 * before it calls an import, so a view taken before the call can be stale
 * (e.g. `() => { memory.settle(); return memory.bytes; }`).
 */
export function regexImports(bytes: () => Uint8Array): Record<string, Function> {
  /** Writes the pairs at `outPtr` if they fit in `capacityPairs`; returns the pair count either way. */
  const answer = (ranges: readonly number[], outPtr: number, capacityPairs: number): number => {
    const pairs = ranges.length >> 1;
    if (pairs <= capacityPairs) {
      const view = bytes();
      const data = new DataView(view.buffer, view.byteOffset);
      for (let i = 0; i < ranges.length; i++) data.setUint32(outPtr + 4 * i, ranges[i]!, true);
    }
    return pairs;
  };
  return {
    /** unicodeClass of the UTF-8 name; -1 for an unknown name. */
    regex_class(namePtr: number, nameLen: number, outPtr: number, capacityPairs: number): number {
      const start = namePtr >>> 0;
      const ranges = unicodeClass(decoder.decode(bytes().subarray(start, start + nameLen)));
      return ranges === null ? -1 : answer(ranges, outPtr >>> 0, capacityPairs);
    },
    /** foldRanges of the normalized pairs at inPtr. */
    regex_fold(inPtr: number, inPairs: number, outPtr: number, capacityPairs: number): number {
      const view = bytes();
      const data = new DataView(view.buffer, view.byteOffset);
      const input: number[] = new Array(2 * inPairs);
      for (let i = 0; i < input.length; i++) input[i] = data.getUint32((inPtr >>> 0) + 4 * i, true);
      // Every literal under (?i) asks for one code point. foldRanges scans all
      // orbits; the code point's own orbit, normalized, is the same set in
      // the same form (and what the JavaScript parser's literal() uses).
      const folded =
        inPairs === 1 && input[0] === input[1] ? normalizeRanges(foldCodePoint(input[0]!).flatMap((c) => [c, c])) : foldRanges(input);
      return answer(folded, outPtr >>> 0, capacityPairs);
    },
  };
}

/** Compiled patterns kept per instance, like compileRegexCached. */
const CACHE_LIMIT = 256;

export class RegexHelper {
  private readonly cache = new Map<string, RegexHelperCompileResult>();

  constructor(
    private readonly exports: RegexHelperExports,
    private readonly memory: HelperMemory,
  ) {}

  /** Compiles an RE2-syntax pattern; memoized (the most recent 256 patterns). */
  compile(pattern: string): RegexHelperCompileResult {
    let result = this.cache.get(pattern);
    if (result !== undefined) {
      // Re-insert to keep recently used patterns at the end.
      this.cache.delete(pattern);
    } else {
      result = this.compileUncached(pattern);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(pattern, result);
    return result;
  }

  private compileUncached(pattern: string): RegexHelperCompileResult {
    const memory = this.memory;
    const r = memory.call1(this.exports.edict_regex_compile, pattern) >>> 0;
    // The record is 16-aligned, so the i32 view reads it; Wasm memory is little-endian like every host this runs on.
    const [status, a, b, c] = memory.words.subarray(r >>> 2, (r >>> 2) + 4);
    if (status === 0) {
      // Copied out: the next helper call frees the record.
      return { ok: true, words: new Uint32Array(memory.bytes.buffer.slice(r + 16, r + 16 + 4 * a!)), instructions: b! };
    }
    return { ok: false, error: formatRegexError(status!, pattern, a!, b!, c!) };
  }

  /** Whether the program (from `compile`) matches anywhere in `text`. */
  search(words: Uint32Array, text: string): boolean {
    const memory = this.memory;
    const programBytes = 4 * words.length;
    const ptr = memory.reserve(programBytes + utf8Room(text));
    new Uint32Array(memory.bytes.buffer, ptr, words.length).set(words);
    const length = memory.writeUtf8(ptr + programBytes, text);
    const found = this.exports.edict_regex_search(ptr, words.length, ptr + programBytes, length);
    memory.settle();
    return found !== 0;
  }
}
