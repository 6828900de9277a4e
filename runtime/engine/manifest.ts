// The bundle manifest as the runtime reads it, with validation: a bundle
// whose manifest is missing, malformed or of another version is rejected
// with a clear Error (never a crash later during evaluation).

import type { TypeDesc } from "./type-desc.js";

export const MANIFEST_SECTION = "edict.manifest";
/** The last section of a bundle: FNV-1a 32 of every byte before it (little-endian), so corruption is caught at load. */
export const CHECKSUM_SECTION = "edict.checksum";

/** The checksum section's bytes: id 0, size, name, 4-byte checksum (always 1 + 1 + 1 + 14 + 4 bytes). */
export function checksumSection(body: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(CHECKSUM_SECTION);
  const out = new Uint8Array(3 + name.length + 4);
  out[0] = 0;
  out[1] = 1 + name.length + 4;
  out[2] = name.length;
  out.set(name, 3);
  new DataView(out.buffer).setUint32(3 + name.length, fnv1a(body), true);
  return out;
}

export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Rejects bytes whose trailing checksum section is missing or does not match. */
export function verifyChecksum(bytes: Uint8Array): void {
  const tail = checksumSection(new Uint8Array(0)).length;
  if (bytes.length < tail) throw new Error("corrupted or truncated Edict bundle: too short");
  const body = bytes.subarray(0, bytes.length - tail);
  const expected = checksumSection(body);
  const actual = bytes.subarray(bytes.length - tail);
  for (let i = 0; i < tail; i++) {
    if (expected[i] !== actual[i]) throw new Error("corrupted or truncated Edict bundle: checksum mismatch");
  }
}
export const MANIFEST_FORMAT = "edict-bundle";

/**
 * Byte offsets of the fuel cells (f64 each) in the module's exported
 * one-page memory: the module charges node costs there and the host charges
 * library size terms on the same cells through a Float64Array, which costs
 * far less per call than WebAssembly.Global accessors.
 */
export const FUEL_USED = 0;
export const FUEL_BUDGET = 8;
export const FUEL_NEXT_TICK = 16;
/**
 * i32 cells after the fuel: the value table's live end and the floor below
 * which `release` never goes (so the module marks and releases temporaries
 * without calling the host), and the length of the range made last.
 */
export const TABLE_TOP = 24;
export const TABLE_FLOOR = 28;
export const RANGE_LENGTH = 32;
/** The second binding (map value, or list element) of the last `range_pair`. */
export const RANGE_SECOND = 36;
/** The index of the rule being evaluated, or -1 (read by the host when an evaluation aborts). */
export const CURRENT_RULE = 40;
/**
 * 1 when the last `range` put its bindings in the value table right after
 * the range's own handle `r` (element i at r+1+i, or a pair at r+1+2i and
 * r+2+2i), so the module reads them without a host call; 0 when a binding
 * is a bool (bools are handles 0 and 1, not table slots) and the module
 * asks `range_one` / `range_pair` instead.
 */
export const RANGE_DIRECT = 44;
/**
 * The scalar shadow of the value table (ABI v4): for handles below
 * SCALAR_SLOTS the host writes, on every `put`, a tag byte at
 * SCALAR_TAGS + h (0: not a number, TAG_INT, TAG_UINT, TAG_DOUBLE, TAG_DURATION) and the
 * number itself at SCALAR_VALUES + 8h (i64, or f64 for a double). Generated
 * code unboxes a handle the checker types as a number with two loads
 * instead of a host call; a handle above the slots, or a tag that does not
 * match, goes to the host (`unbox_*`). The helpers' static data and heap
 * start at SCALAR_END (asc --memoryBase).
 */
export const SCALAR_TAGS = 64;
export const SCALAR_SLOTS = 4096;
export const SCALAR_VALUES = SCALAR_TAGS + SCALAR_SLOTS;
export const SCALAR_END = SCALAR_VALUES + 8 * SCALAR_SLOTS;
export const TAG_INT = 1;
export const TAG_UINT = 2;
export const TAG_DOUBLE = 3;
/** A duration's int64 nanoseconds. */
export const TAG_DURATION = 4;
/** 5: timestamps and durations are parsed by the bundle's helpers (input conversion, the `now` option, rules' `expires`), so every bundle carries the timestamp parser. 4: run-time type checks of fn arguments and results (`checks`), and the scalar shadow (SCALAR_*). 3: ranges put their bindings in the table (RANGE_DIRECT). 2: fuel and table cells in memory. 1 kept them in globals. */
export const MANIFEST_VERSION = 5;

/**
 * A run-time check of a value against a user fn's declared parameter or
 * result type, where a `dyn` reaches it (compiler/check/runtime-checks.ts).
 * `param` null: the result. `expected`: the type as the source writes it.
 */
export interface TypeCheck {
  fn: string;
  param: string | null;
  expected: string;
  type: TypeDesc;
}

export interface CallSite {
  /** The function as called, for "no such overload" messages. */
  fn: string;
  /** Candidate overload ids; with `trusted` the first is used without looking at the values. */
  ids: string[];
  /** Parameter types per candidate (receiver first), for dynamic dispatch. */
  params: TypeDesc[][];
  variadic: boolean[];
  trusted: boolean;
  argc: number;
}

export interface ManifestPolicy {
  name: string;
  description: string;
  hash: string;
  /** Exported function evaluating the policy. */
  entry: string;
  inputs: { name: string; type: string; nullable: boolean; used: TypeDesc }[];
  rules: { name: string; kind: "deny" | "warn" | "allow"; expires: string | null }[];
  outputs: string[];
}

export interface BundleManifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  compiler: string;
  /** Host functions the module imports (module "edict"). */
  imports: string[];
  consts: unknown[];
  sites: CallSite[];
  checks: TypeCheck[];
  policies: ManifestPolicy[];
  /** Present and false only in bench builds without fuel metering (compiler/codegen GenerateOptions). */
  metered?: boolean;
  /**
   * Inputs converted once per evaluation for several policies, under the
   * union of what they read (compiler/codegen/shared-inputs.ts); members are
   * [policy index, input index] pairs. Absent when nothing is shared.
   */
  shared?: { name: string; nullable: boolean; used: TypeDesc; members: [number, number][] }[];
}

export function parseManifest(bytes: ArrayBuffer | undefined): BundleManifest {
  if (!bytes) throw new Error(`not an Edict bundle: no "${MANIFEST_SECTION}" section`);
  let m: unknown;
  try {
    m = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new Error("corrupted Edict bundle: the manifest is not valid JSON");
  }
  const o = m as Partial<BundleManifest>;
  if (typeof o !== "object" || o === null || o.format !== MANIFEST_FORMAT) throw new Error("not an Edict bundle: unknown manifest format");
  if (o.version !== MANIFEST_VERSION) throw new Error(`unsupported Edict bundle version ${String(o.version)} (this runtime reads version ${MANIFEST_VERSION})`);
  if (!Array.isArray(o.policies) || !Array.isArray(o.consts) || !Array.isArray(o.sites) || !Array.isArray(o.checks) || !Array.isArray(o.imports)) {
    throw new Error("corrupted Edict bundle: the manifest lacks policies, consts, sites, checks or imports");
  }
  for (const p of o.policies) {
    if (typeof p?.name !== "string" || typeof p.entry !== "string" || !Array.isArray(p.inputs) || !Array.isArray(p.rules) || !Array.isArray(p.outputs)) {
      throw new Error("corrupted Edict bundle: a policy entry is malformed");
    }
  }
  return o as BundleManifest;
}
