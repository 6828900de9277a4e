// The bundle's AssemblyScript helpers (wasm/assembly) as the host calls
// them. Before a call the host reserves room for the arguments
// (`edict_args`, which also frees whatever the previous call allocated),
// writes them there — strings as UTF-8, lone surrogates as U+FFFD — and
// reads the result back from numbers or memory. Library functions bound
// here run inside the Wasm module instead of runtime/lib; the reference
// interpreter keeps the JavaScript versions, so the differential tests
// compare two implementations.

import { Abort } from "./abort.js";
import { implementation as jsImplementation, type Impl } from "./library.js";
import { Err, type Value } from "./values.js";
import { RegexHelper, type RegexHelperExports } from "./helper-regex.js";
import { STRING_HELPER_EXPORTS, StringHelper, type StringHelperExports } from "./helper-strings.js";
import { TIME_HELPER_EXPORTS, TimeHelper, type TimeHelperExports } from "./helper-time.js";
import { memoizeString } from "../lib/memo.js";
import { utf8Room } from "../lib/utf8.js";

export interface HelperExports extends RegexHelperExports, StringHelperExports, TimeHelperExports {
  memory: WebAssembly.Memory;
  edict_args(size: number): number;
  edict_rollout_bucket(ptr: number, length: number): number;
  edict_semver_compare(aPtr: number, aLen: number, bPtr: number, bLen: number): number;
  edict_semver_satisfies(vPtr: number, vLen: number, rPtr: number, rLen: number): number;
  /** Address of six i32 code-unit offsets: scheme, host and port as [start, end) pairs; port start -1 when there is none. */
  edict_net_split(ptr: number, len: number): number;
  /** The port (0-65535), else NET_INVALID_PORT or NET_NO_PORT. */
  edict_net_port(ptr: number, len: number): number;
  edict_net_is_loopback(ptr: number, len: number): number;
}

const encoder = new TextEncoder();

/** Argument room in the bundle's memory, and the views over it. */
export class HelperMemory {
  bytes: Uint8Array;
  /** The same memory as i32 words (result records are 16-aligned). */
  words: Int32Array;

  /** `grown` is told when memory grows (the host's typed-array views over it must be rebuilt). */
  constructor(
    private readonly exports: HelperExports,
    private readonly memoryLimitBytes: number,
    private readonly grown: () => void,
  ) {
    this.bytes = new Uint8Array(exports.memory.buffer);
    this.words = new Int32Array(exports.memory.buffer);
  }

  /** Frees the previous call's allocations and returns `size` bytes for this call's arguments. */
  reserve(size: number): number {
    if (size > this.memoryLimitBytes) {
      throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded by a helper argument of ${size} bytes`);
    }
    const ptr = this.exports.edict_args(size);
    this.settle();
    return ptr;
  }

  /**
   * Writes `text` at `ptr` (room reserved with `utf8Room`); returns its UTF-8
   * length. Short ASCII texts (ids, endpoints) are copied unit by unit:
   * encodeInto and the view it needs cost more than such a text.
   */
  writeUtf8(ptr: number, text: string): number {
    const bytes = this.bytes;
    if (text.length <= 64) {
      let i = 0;
      for (let c; i < text.length && (c = text.charCodeAt(i)) < 128; i++) bytes[ptr + i] = c;
      if (i === text.length) return i;
    }
    return encoder.encodeInto(text, bytes.subarray(ptr)).written;
  }

  /** Calls a helper taking one string as (ptr, len). */
  call1<R>(helper: (ptr: number, len: number) => R, s: string): R {
    const ptr = this.reserve(utf8Room(s));
    const r = helper(ptr, this.writeUtf8(ptr, s));
    this.settle();
    return r;
  }

  /** Calls a helper taking two strings as (ptr, len, ptr, len). */
  call2(helper: (aPtr: number, aLen: number, bPtr: number, bLen: number) => number, a: string, b: string): number {
    const room = utf8Room(a);
    const ptr = this.reserve(room + utf8Room(b));
    const aLen = this.writeUtf8(ptr, a);
    const bLen = this.writeUtf8(ptr + room, b);
    const r = helper(ptr, aLen, ptr + room, bLen);
    this.settle();
    return r;
  }

  /** Rebuilds the views when a helper grew the memory; call after every helper call. */
  settle(): void {
    // Growing a Wasm memory detaches its old buffer, and views over a detached buffer are empty: cheaper to test than fetching `memory.buffer`.
    if (this.bytes.length > 0) return;
    const buffer = this.exports.memory.buffer;
    // The stub allocator doubles the memory when it grows, hence the factor 2.
    if (buffer.byteLength > 2 * this.memoryLimitBytes + (1 << 20)) {
      throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded by a library helper`);
    }
    this.bytes = new Uint8Array(buffer);
    this.words = new Int32Array(buffer);
    this.grown();
  }
}

/**
 * The helper exports each helper-served overload needs. Codegen keeps in a
 * bundle only the helpers of the overloads it calls (binaryen then drops
 * the rest of their code); loading checks they are there.
 */
export const HELPER_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  rollout_bucket_string_string: ["edict_rollout_bucket"],
  semver_compare_string_string: ["edict_semver_compare"],
  semver_satisfies_string_string: ["edict_semver_satisfies"],
  matches: ["edict_regex_compile", "edict_regex_search"],
  matches_string: ["edict_regex_compile", "edict_regex_search"],
  net_host_string: ["edict_net_split"],
  net_port_string: ["edict_net_port", "edict_net_split"],
  net_is_loopback_string: ["edict_net_is_loopback"],
  ...STRING_HELPER_EXPORTS,
  ...TIME_HELPER_EXPORTS,
};

/** The helper exports overloads `ids` need, `edict_args` included when any is (codegen keeps these in a bundle). */
export function helperExportsOf(ids: Iterable<string>): Set<string> {
  const exports = new Set<string>();
  for (const id of ids) for (const name of HELPER_EXPORTS[id] ?? []) exports.add(name);
  if (exports.size > 0) exports.add("edict_args");
  return exports;
}

/** Results of the semver helpers besides -1/0/1 and 0/1. */
const INVALID_FIRST = 2;
const INVALID_SECOND = 3;

/** Results of edict_net_port besides a port. */
const NET_INVALID_PORT = -1;
const NET_NO_PORT = -2;

export class BundleHelpers {
  readonly memory: HelperMemory;
  readonly regex: RegexHelper;
  readonly time: TimeHelper;

  constructor(
    private readonly exports: HelperExports,
    memoryLimitBytes: number,
    grown: () => void,
  ) {
    this.memory = new HelperMemory(exports, memoryLimitBytes, grown);
    this.regex = new RegexHelper(exports, this.memory);
    this.time = new TimeHelper(exports, this.memory);
  }

  /** Instructions of a pattern's program (0 when it does not compile): the size in the work term of `matches`. */
  regexProgramSize(pattern: string): number {
    const compiled = this.regex.compile(pattern);
    return compiled.ok ? compiled.instructions : 0;
  }

  /** Library overloads served by helpers, by overload id; throws when the bundle lacks a helper one of `ids` needs. */
  implementations(ids: Iterable<string>): Record<string, Impl> {
    const out: Record<string, Impl> = {};
    for (const id of ids) {
      if (HELPER_EXPORTS[id] === undefined) continue;
      // string() of a timestamp or duration: codegen keeps its helper for explicit calls, not for a message hole's site (which lists every overload); the library serves that one in JavaScript.
      if (this.missing(id) === undefined) out[id] = this.implementation(id);
      else if (!jsImplementation(id)) this.require(id);
    }
    return out;
  }

  /** Throws when the bundle lacks a helper `id` needs (an overload, or an input parser such as INPUT_TIMESTAMP). */
  require(id: string): void {
    const missing = this.missing(id);
    if (missing !== undefined) throw new Error(`corrupted Edict bundle: it calls ${id} but lacks the helper ${missing}`);
  }

  private missing(id: string): string | undefined {
    return [...helperExportsOf([id])].find((name) => typeof (this.exports as unknown as Record<string, unknown>)[name] !== "function");
  }

  private implementation(id: string): Impl {
    switch (id) {
      case "matches":
      case "matches_string":
        return ([text, pattern]) => this.matches(text as string, pattern as string);
      case "rollout_bucket_string_string":
        return ([key, salt]) => this.rolloutBucket(key as string, salt as string);
      case "semver_compare_string_string":
        return ([a, b]) => {
          const r = this.memory.call2(this.exports.edict_semver_compare, a as string, b as string);
          if (r === INVALID_FIRST || r === INVALID_SECOND) return new Err(`semver.compare: invalid version "${r === INVALID_FIRST ? a : b}"`);
          return BigInt(r);
        };
      case "semver_satisfies_string_string":
        return ([v, range]) => {
          const r = this.memory.call2(this.exports.edict_semver_satisfies, v as string, range as string);
          if (r === INVALID_FIRST) return new Err(`semver.satisfies: invalid version "${v}"`);
          if (r === INVALID_SECOND) return new Err(`semver.satisfies: invalid range "${range}"`);
          return r === 1;
        };
      // net.host and net.isLoopback are memoized per bundle: rollouts call
      // them once per endpoint per agent, and endpoints repeat.
      case "net_host_string": {
        const host = memoizeString((s) => this.netHost(s));
        return ([s]) => host(s as string);
      }
      case "net_port_string":
        return ([s]) => this.netPort(s as string);
      case "net_is_loopback_string": {
        const loopback = memoizeString((s) => this.memory.call1(this.exports.edict_net_is_loopback, s) === 1);
        return ([s]) => loopback(s as string);
      }
      default:
        return this.time.implementation(id) ?? new StringHelper(this.exports, this.memory).implementation(id);
    }
  }

  private matches(text: string, pattern: string): Value {
    const compiled = this.regex.compile(pattern);
    if (!compiled.ok) return new Err(`invalid regular expression ${JSON.stringify(pattern)}: ${compiled.error}`);
    return this.regex.search(compiled.words, text);
  }

  rolloutBucket(key: string, salt: string): number {
    return this.memory.call1(this.exports.edict_rollout_bucket, `${salt}/${key}`);
  }

  /**
   * The helper finds the parts of an endpoint as code-unit offsets
   * (wasm/assembly/net.ts), which are offsets into `s` too (a lone
   * surrogate travels as U+FFFD, also one unit), so the texts are slices of
   * `s` lower-cased by JavaScript, as in runtime/lib/net.ts: both engines
   * return the same string for every input, lone surrogates included.
   */
  private netSplit(s: string): number {
    return this.memory.call1(this.exports.edict_net_split, s) >>> 2;
  }

  private netHost(s: string): string {
    const r = this.netSplit(s);
    const words = this.memory.words;
    return s.slice(words[r + 2]!, words[r + 3]!).toLowerCase();
  }

  /** The messages are runtime/lib/net.ts's. */
  private netPort(s: string): Value {
    const port = this.memory.call1(this.exports.edict_net_port, s);
    if (port >= 0) return BigInt(port);
    const r = this.netSplit(s);
    const words = this.memory.words;
    if (port === NET_INVALID_PORT) return new Err(`net.port: invalid port "${s.slice(words[r + 4]!, words[r + 5]!)}" in "${s}"`);
    const scheme = s.slice(words[r]!, words[r + 1]!).toLowerCase();
    return new Err(`net.port: no port in "${s}"` + (scheme === "" ? "" : ` and no default port for scheme "${scheme}"`));
  }

}
