// The bundle's AssemblyScript helpers (wasm/assembly) as the host calls
// them: arguments are written as UTF-8 into the scratch area of the
// bundle's memory, results come back as numbers. Library functions bound
// here run inside the Wasm module instead of runtime/lib; the reference
// interpreter keeps the JavaScript versions, so the differential tests
// compare two implementations.

import { Abort } from "./abort.js";
import type { Impl } from "./library.js";
import { utf8Length } from "../lib/utf8.js";

export interface HelperExports {
  memory: WebAssembly.Memory;
  edict_scratch(): number;
  edict_rollout_bucket(length: number): number;
}

const PAGE = 65536;
const encoder = new TextEncoder();

export class BundleHelpers {
  private readonly scratch: number;
  private bytes: Uint8Array;

  /** `grown` is told when memory grows (the host's typed-array views over it must be rebuilt). */
  constructor(
    private readonly exports: HelperExports,
    private readonly memoryLimitBytes: number,
    private readonly grown: () => void,
  ) {
    for (const name of ["edict_scratch", "edict_rollout_bucket"] as const) {
      if (typeof exports[name] !== "function") throw new Error(`corrupted Edict bundle: it lacks the helper ${name}`);
    }
    this.scratch = exports.edict_scratch();
    this.bytes = new Uint8Array(exports.memory.buffer);
  }

  /** Library overloads served by helpers, by overload id. */
  implementations(): Record<string, Impl> {
    return {
      rollout_bucket_string_string: ([key, salt]) => this.rolloutBucket(key as string, salt as string),
    };
  }

  rolloutBucket(key: string, salt: string): number {
    return this.exports.edict_rollout_bucket(this.write(`${salt}/${key}`));
  }

  /** Writes `text` as UTF-8 (lone surrogates as U+FFFD) at the scratch area; returns its byte length. */
  private write(text: string): number {
    // Up to 3 bytes per UTF-16 unit; only when that may not fit is the exact size computed.
    if (this.scratch + text.length * 3 > this.bytes.length) {
      const exact = this.scratch + utf8Length(text);
      if (exact > this.bytes.length) this.grow(exact);
    }
    return encoder.encodeInto(text, this.bytes.subarray(this.scratch)).written;
  }

  private grow(bytes: number): void {
    const memory = this.exports.memory;
    if (bytes > this.memoryLimitBytes + this.scratch) {
      throw new Abort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded by a helper argument of ${bytes - this.scratch} bytes`);
    }
    try {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    } catch {
      throw new Abort("internal", `cannot grow the bundle's memory to ${bytes} bytes`);
    }
    this.bytes = new Uint8Array(memory.buffer);
    this.grown();
  }
}
