// Source -> checked policy -> (bundle -> runtime) and (interpreter), so tests
// can compare the two engines field by field.

import type { CheckedPolicy } from "../../../compiler/check/checked.js";
import { generateBundle } from "../../../compiler/codegen/index.js";
import * as entry from "../../../compiler/interpret/entry.js";
import type { BuiltinLookup } from "../../../compiler/interpret/env.js";
import { loadBundle, type Bundle } from "../../../runtime/index.js";
import { runtimeLibrary } from "./adapter.js";
import { checkedPolicy } from "../../support/checked-policy.js";
import type { EvaluateOptions, LoadOptions, PolicyDecision } from "../../../runtime/types.js";

export const NOW = "2026-11-23T10:00:00Z";

export function check(source: string, name = "test.p"): CheckedPolicy {
  return checkedPolicy(source, name);
}

export async function load(sources: string | string[], options: LoadOptions = {}): Promise<{ bundle: Bundle; checked: CheckedPolicy[] }> {
  const list = Array.isArray(sources) ? sources : [sources];
  const checked = list.map((s, k) => check(s, `test.p${k}`));
  const bundle = await loadBundle(generateBundle(checked), options);
  return { bundle, checked };
}

let builtins: BuiltinLookup | undefined;

/** The interpreter's builtins registry when it exists, else the interpreter tests' stand-in. */
export async function interpreterBuiltins(): Promise<BuiltinLookup> {
  if (builtins) return builtins;
  try {
    const registry = (await import("../../../compiler/interpret/builtins/registry.js" as string)) as { getBuiltin: BuiltinLookup };
    builtins = registry.getBuiltin;
  } catch {
    builtins = runtimeLibrary;
  }
  return builtins;
}

/** Runs one policy on both engines; returns [wasm, interpreter] decisions (hash aligned). */
export async function both(source: string, input: unknown, options: EvaluateOptions & LoadOptions = {}): Promise<[PolicyDecision, PolicyDecision]> {
  const { bundle, checked } = await load(source, options);
  const wasm = Object.values(bundle.evaluate(input as object, { now: NOW, ...options }).policies)[0]!;
  const interpreted = entry.interpretPolicy(checked[0]!, input, {
    now: NOW,
    clock: () => 0,
    builtins: await interpreterBuiltins(),
    hash: wasm.hash,
    ...options,
  });
  return [wasm, interpreted];
}
