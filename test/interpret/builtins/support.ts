// Helpers for calling library overloads by id with CEL values, as the
// interpreter core does (receiver first for member overloads).

import { expect } from "vitest";
import { getBuiltin } from "../../../compiler/interpret/builtins/registry.js";
import type { BuiltinContext } from "../../../compiler/interpret/context.js";
import { CelDuration, CelError, CelList, CelMap, CelTimestamp, CelUint, type CelKey, type CelValue } from "../../../compiler/values.js";
import { parseDuration, parseTimestamp } from "../../../runtime/lib/time.js";

export const NOW: BuiltinContext = { now: ts("2026-11-23T10:00:00Z") };

export function call(id: string, ...args: CelValue[]): CelValue {
  const impl = getBuiltin(id);
  if (!impl) throw new Error(`no builtin for ${id}`);
  return impl(args, NOW);
}

export const u = (n: bigint | number): CelUint => new CelUint(BigInt(n));
export const list = (...items: CelValue[]): CelList => new CelList(items);
export const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

export function map(...entries: [CelKey, CelValue][]): CelMap {
  const m = new CelMap();
  for (const [k, v] of entries) m.set(k, v);
  return m;
}

export function ts(text: string): CelTimestamp {
  const n = parseTimestamp(text);
  if (n === null) throw new Error(`bad timestamp in test: ${text}`);
  return new CelTimestamp(n);
}

export function dur(text: string): CelDuration {
  const n = parseDuration(text);
  if (n === null) throw new Error(`bad duration in test: ${text}`);
  return new CelDuration(n);
}

export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);
export const UINT64_MAX = 2n ** 64n - 1n;

/** Asserts a CEL error value (never a thrown exception) whose message matches. */
export function expectError(v: CelValue, message: RegExp = /./): void {
  expect(v).toBeInstanceOf(CelError);
  expect((v as CelError).message).toMatch(message);
}

/** Asserts a uint result. */
export function expectUint(v: CelValue, n: bigint): void {
  expect(v).toBeInstanceOf(CelUint);
  expect((v as CelUint).value).toBe(n);
}
