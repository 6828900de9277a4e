// Engine selection, in one place: every command that evaluates (eval, test,
// demo) gets an `Engine` from here. "wasm" (the default, what users deploy)
// compiles a bundle and runs it with the runtime; "interpreter" runs the
// reference interpreter, the semantic oracle, on the checked policies.

import { checkSources, compile, type SourceFile } from "../compiler/compile.js";
import type { Diagnostic } from "../compiler/diagnostics.js";
import { interpretPolicies } from "../compiler/interpret/index.js";
import { bundleHashes } from "../compiler/codegen/index.js";
import { loadBundle } from "../runtime/index.js";
import type { Decision, EvaluateOptions, LoadOptions } from "../runtime/types.js";

export type EngineName = "wasm" | "interpreter";
export const ENGINE_NAMES: readonly EngineName[] = ["wasm", "interpreter"];
export const DEFAULT_ENGINE: EngineName = "wasm";

export interface Engine {
  readonly name: EngineName;
  /** Policy names, in bundle order. */
  readonly policies: readonly string[];
  evaluate(input: object, options?: EvaluateOptions): Decision;
}

export type EngineResult =
  | { ok: true; engine: Engine; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; reason: string };

export function parseEngineName(text: string): EngineName | undefined {
  return (ENGINE_NAMES as readonly string[]).includes(text) ? (text as EngineName) : undefined;
}

/** Checks (and for wasm, compiles and loads) policy sources. */
export async function engineFromSources(
  sources: readonly SourceFile[],
  name: EngineName,
  load: LoadOptions = {},
): Promise<EngineResult> {
  if (name === "interpreter") {
    const result = checkSources(sources);
    if (!result.ok) return { ok: false, diagnostics: result.diagnostics, reason: "compile errors" };
    const checked = result.checked;
    // The same hashes a bundle of these sources would carry, so both engines' decisions are identical.
    const hashes = bundleHashes(checked);
    const engine: Engine = {
      name,
      policies: checked.map((c) => c.name),
      evaluate: (input, options = {}) => interpretPolicies(checked, input, { ...load, ...options, hashes }),
    };
    return { ok: true, engine, diagnostics: result.diagnostics };
  }
  const compiled = compile(sources);
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics, reason: "compile errors" };
  if (!compiled.bundle) {
    return { ok: false, diagnostics: compiled.diagnostics, reason: "the wasm engine is not available yet (use --engine interpreter)" };
  }
  return { ok: true, engine: await engineFromBundle(compiled.bundle, load), diagnostics: compiled.diagnostics };
}

/** Loads a compiled bundle with the runtime (always the wasm engine). */
export async function engineFromBundle(bytes: Uint8Array, load: LoadOptions = {}): Promise<Engine> {
  const bundle = await loadBundle(bytes, load);
  return {
    name: "wasm",
    policies: bundle.policies.map((p) => p.name),
    evaluate: (input, options = {}) => bundle.evaluate(input, options),
  };
}
