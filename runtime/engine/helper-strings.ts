// The host side of the string-extension helpers (wasm/assembly/strings.ts):
// charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split,
// substring, trim, reverse and strings.quote run inside the bundle; the
// reference interpreter runs their JavaScript twins
// (compiler/interpret/builtins/string-twins.ts). join and sum stay in
// lib-strings.ts: they take lists, which live on the host.
//
// Every overload here takes its strings first and its ints after, so one
// call path serves them all: the strings are written as UTF-8 (a lone
// surrogate as U+FFFD), the ints passed as i32, and a table says which
// helper to call and how to read its result. The twins read their
// arguments as well-formed strings too, and slices are cut from the
// well-formed string here, so both engines return the same value for every
// input. Error messages are the twins'.

import { utf8Room, wellFormed } from "../lib/utf8.js";
import { memoizeString } from "../lib/memo.js";
// Types only: helpers.ts imports this module to build its table, so a value import back would be a cycle.
import type { HelperMemory } from "./helpers.js";
import type { Impl } from "./library.js";
import { Err, List, type Value } from "./values.js";

/** The helpers: (ptr, len) per string, then the ints; results as wasm/assembly/strings.ts describes. */
export type StringHelperExports = Record<`edict_string_${string}`, (...args: number[]) => number>;

/** How a helper's result reads: a number, a slice record, a text record, a record of slices. */
const NUMBER = 0;
const SLICE = 1;
const TEXT = 2;
const SLICES = 3;

/** As indexOf's `from` or substring's `end`: the string's length in code points. */
const AT_END = -2;

/**
 * Per overload: the helper (after `edict_string_`), its ints — the
 * policy's replace the first ones — and how its result reads.
 */
const OVERLOADS: Record<string, [string, number[], number]> = {
  string_char_at_int: ["char_at", [], SLICE],
  string_index_of_string: ["index_of", [0, 0], NUMBER],
  string_index_of_string_int: ["index_of", [0, 0], NUMBER],
  string_last_index_of_string: ["index_of", [AT_END, 1], NUMBER],
  string_last_index_of_string_int: ["index_of", [AT_END, 1], NUMBER],
  string_lower_ascii: ["ascii_case", [0], TEXT],
  string_upper_ascii: ["ascii_case", [1], TEXT],
  string_replace_string_string: ["replace", [-1], TEXT],
  string_replace_string_string_int: ["replace", [-1], TEXT],
  string_split_string: ["split", [-1], SLICES],
  string_split_string_int: ["split", [-1], SLICES],
  string_substring_int: ["substring", [0, AT_END], SLICE],
  string_substring_int_int: ["substring", [0, AT_END], SLICE],
  string_trim: ["trim", [], SLICE],
  string_reverse: ["reverse", [], TEXT],
  strings_quote: ["quote", [], TEXT],
};

/** The helper export of each overload served here (merged into helpers.ts's HELPER_EXPORTS). */
export const STRING_HELPER_EXPORTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(OVERLOADS).map(([id, [name]]) => [id, [`edict_string_${name}`]]),
);

/** ASCII texts up to this length are built with String.fromCharCode: TextDecoder costs more than such a text. */
const SHORT_TEXT = 64;

/** ignoreBOM: a leading U+FEFF is text here, not a byte-order mark to drop. */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** A CEL int as an i32: negatives as -1 and anything longer than any string as 2^31-1, so out of range stays out of range. */
const int32 = (v: Value) => {
  const k = Number(v as bigint);
  return k < 0 ? -1 : Math.min(k, 0x7fffffff);
};

export class StringHelper {
  constructor(
    private readonly exports: StringHelperExports,
    private readonly memory: HelperMemory,
  ) {}

  /** The overload `id` (a key of STRING_HELPER_EXPORTS) over its helper. */
  implementation(id: string): Impl {
    if (OVERLOADS[id] === undefined) throw new Error(`no helper serves ${id}`);
    const [name, defaults, result] = OVERLOADS[id];
    const helper = this.exports[`edict_string_${name}`];
    const impl: Impl = (args) => {
      let texts = 0;
      while (typeof args[texts] === "string") texts++;
      const ints = defaults.slice();
      for (let k = texts; k < args.length; k++) ints[k - texts] = int32(args[k]!);
      const r = this.call(helper, args, texts, ints);
      // -2 - k: the k-th int is out of range.
      if (r < -1) return new Err(`index out of range: ${Number(args[texts - 2 - r] as bigint)}`);
      return this.read(result, r, args[0] as string);
    };
    if (id !== "string_split_string") return impl;
    // Memoized per separator: rollouts split the same ids for every agent.
    const bySeparator = new Map<string, (s: string) => Value>();
    return ([s, sep], ctx) => {
      let split = bySeparator.get(sep as string);
      if (split === undefined) {
        if (bySeparator.size >= 16) bySeparator.clear();
        bySeparator.set(sep as string, (split = memoizeString((text) => impl([text, sep!], ctx))));
      }
      return split(s as string);
    };
  }

  /** Writes the first `texts` arguments as UTF-8 and calls `helper` with their (ptr, len) pairs, then `ints`. */
  private call(helper: (...args: number[]) => number, args: readonly Value[], texts: number, ints: number[]): number {
    const m = this.memory;
    let size = 0;
    for (let k = 0; k < texts; k++) size += utf8Room(args[k] as string);
    let ptr = m.reserve(size);
    const a = this.argv;
    let n = 0;
    for (let k = 0; k < texts; k++) {
      const length = m.writeUtf8(ptr, args[k] as string);
      a[n++] = ptr;
      a[n++] = length;
      ptr += length;
    }
    for (const i of ints) a[n++] = i;
    // Every helper takes at most 7 numbers; a Wasm function ignores extra arguments, and a call with a fixed count avoids `apply`.
    const r = helper(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, a[6]!);
    m.settle();
    return r;
  }

  /** The numbers of the next helper call. */
  private readonly argv: number[] = [0, 0, 0, 0, 0, 0, 0];

  /** The result `r` of kind `result`; slices are cut from `s` as the helper read it. */
  private read(result: number, r: number, s: string): Value {
    const words = this.memory.words;
    const at = r >>> 2;
    if (result === NUMBER) return BigInt(r);
    if (result === SLICE) return wellFormed(s).slice(words[at], words[at + 1]);
    if (result === SLICES) {
      const text = wellFormed(s);
      const parts: string[] = new Array(words[at]!);
      for (let k = 0; k < parts.length; k++) parts[k] = text.slice(words[at + 2 + 2 * k], words[at + 3 + 2 * k]);
      return new List(parts);
    }
    const length = words[at]!;
    const bytes = this.memory.bytes.subarray(r + 8, r + 8 + length);
    if (length <= SHORT_TEXT && words[at + 1] === length) return String.fromCharCode.apply(null, bytes as unknown as number[]);
    return decoder.decode(bytes);
  }
}
