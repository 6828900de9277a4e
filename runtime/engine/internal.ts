// Internal hooks on a loaded bundle, for tests and measurement only: not
// part of the public contract (spec section 9) and not imported by
// runtime/index.ts, so they stay out of the edict/runtime bundle.
//  - loadBundleSync + evaluateValues: the CEL conformance suite run through
//    the Wasm backend (docs/conformance.md) loads many small bundles
//    synchronously and hands the bindings in as runtime values, so that
//    uint64 above 2^53, bytes, NaN and timestamps arrive exact.
//  - the load option `inputView`: design B of docs/design/input-abi.md
//    (test/wasm/bench/view.ts), measured against the runtime's design A and
//    checked to decide identically by test/wasm/examples.test.ts.

import { DEFAULT_FUEL, DEFAULT_TIMEOUT_MS, type DecisionError, type EvaluateOptions, type LoadOptions } from "../types.js";
import { defaultClock, finish, instant, loadAs, LoadedBundle, prepare, type SharedConversions } from "./bundle.js";
import { Converter, InputProblem, jsonKind } from "./convert.js";
import type { Host, Progress } from "./host.js";
import { verifyChecksum, type BundleManifest, type ManifestPolicy } from "./manifest.js";
import type { TypeDesc } from "./type-desc.js";
import type { Value } from "./values.js";

/** Design B: the value of JSON already validated against `type`. */
export type InputView = (json: unknown, type: TypeDesc) => Value;

export interface InternalLoadOptions extends LoadOptions {
  /** Validate inputs (no copy) and wrap the JSON with this instead of converting it (design B). */
  inputView?: InputView;
}

/**
 * Synchronous loading, for the CEL conformance suite run through the Wasm
 * backend (small modules only; some hosts refuse synchronous compilation).
 */
export function loadBundleSync(bytes: Uint8Array, options: InternalLoadOptions = {}): InternalBundle {
  verifyChecksum(bytes);
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes as unknown as BufferSource);
  } catch (e) {
    throw new Error(`corrupted or truncated Edict bundle: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { manifest, host, imports } = prepare(module, options);
  return finish(manifest, host, new WebAssembly.Instance(module, imports), options, InternalBundle);
}

/** `loadBundle` with inputs viewed (design B), for measuring it and checking that it decides identically. */
export function loadViewingBundle(bytes: Uint8Array, options: InternalLoadOptions & { inputView: InputView }): Promise<InternalBundle> {
  return loadAs(bytes, options, InternalBundle);
}

/** Inputs handed in as runtime values by `evaluateValues`, for this policy. */
interface GivenValues {
  values: ReadonlyMap<string, Value>;
  policy: ManifestPolicy;
}

export class InternalBundle extends LoadedBundle {
  private readonly inputView: InputView | undefined;
  /** Design B validates only (Converter with build = false); undefined without `inputView`. */
  private readonly validator: Converter | undefined;

  constructor(manifest: BundleManifest, host: Host, exports: Record<string, unknown>, options: InternalLoadOptions) {
    super(manifest, host, exports, options);
    this.inputView = options.inputView;
    this.validator = this.inputView === undefined ? undefined : new Converter(host.memoryLimitBytes, host.timeParsers, false);
  }

  /**
   * The first policy with its inputs given as runtime values, returning its
   * first output as a runtime value (conformance suite).
   */
  evaluateValues(values: ReadonlyMap<string, Value>, options: EvaluateOptions = {}): { value: Value } | { error: DecisionError } {
    const policy = this.manifest.policies[0]!;
    const host = this.host;
    host.clock = defaultClock;
    host.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    host.deadline = host.clock() + host.timeoutMs;
    const given: GivenValues = { values, policy };
    const decision = this.run(policy, given, "enforce", options.fuel ?? DEFAULT_FUEL, instant(options.now, this.host.timeParsers.timestamp), options.now, []);
    if (decision.error) return { error: decision.error };
    return { value: host.lastOutput };
  }

  protected override convertInputs(policy: ManifestPolicy, input: unknown, progress: Progress, shared: SharedConversions): string | null {
    if (input !== null && typeof input === "object" && "values" in input && (input as { policy?: unknown }).policy === policy) {
      const values = (input as GivenValues).values;
      for (const declared of policy.inputs) progress.inputs.push(this.host.put(values.has(declared.name) ? values.get(declared.name)! : null));
      return null;
    }
    const view = this.inputView;
    if (view === undefined) return super.convertInputs(policy, input, progress, shared);
    // Design B: as LoadedBundle.convertInputs, but without shared conversions, and the validated JSON viewed.
    this.converted = true;
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return `input: expected an object whose keys are input names, got ${jsonKind(input)}`;
    }
    const record = input as Record<string, unknown>;
    for (const declared of policy.inputs) {
      const raw = Object.hasOwn(record, declared.name) ? record[declared.name] : undefined;
      if ((raw === undefined || raw === null) && declared.nullable) {
        progress.inputs.push(this.host.put(null));
        continue;
      }
      if (raw === undefined) return `${declared.name}: missing required input`;
      const checked = this.validator!.convert(raw, declared.used, 1);
      if (checked instanceof InputProblem) return checked.message(declared.name);
      progress.inputs.push(this.host.put(view(raw, declared.used)));
    }
    return null;
  }
}
