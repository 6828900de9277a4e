// A loaded bundle and its evaluation (spec section 9): the manifest checked
// against the instance, inputs converted, each policy's entry run under its
// budget and deadline, decisions assembled. runtime/index.ts loads; the
// internal test hooks (runtime/engine/internal.ts) extend LoadedBundle and
// are not part of the public runtime.

import { isTimestampInRange } from "../lib/time.js";
import type { Bundle } from "../index.js";
import { Converter, InputProblem, jsonKind } from "./convert.js";
import { decide } from "./decide.js";
import { Abort, Host, type Globals, type Progress } from "./host.js";
import { MANIFEST_SECTION, parseManifest, verifyChecksum, type BundleManifest, type ManifestPolicy } from "./manifest.js";
import { Timestamp, type Value } from "./values.js";
import {
  DEFAULT_FUEL, DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_TIMEOUT_MS,
  type Decision, type DecisionError, type EvaluateOptions, type LoadOptions, type PolicyDecision, type PolicyInfo, type PolicyMode,
} from "../types.js";

export const defaultClock = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** The host for a compiled bundle and the imports to instantiate it with; throws if this runtime cannot run it. */
export function prepare(module: WebAssembly.Module, options: LoadOptions): { manifest: BundleManifest; host: Host; imports: WebAssembly.Imports } {
  const sections = WebAssembly.Module.customSections(module, MANIFEST_SECTION);
  const manifest = parseManifest(sections[0]);
  const memoryLimitBytes = options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  let host: Host;
  try {
    host = new Host(manifest, memoryLimitBytes);
  } catch (e) {
    throw new Error(`corrupted Edict bundle: bad constant pool (${e instanceof Error ? e.message : String(e)})`);
  }
  const known = host.imports();
  for (const name of manifest.imports) if (!(name in known)) throw new Error(`this runtime cannot run the bundle: it needs host function "${name}"`);
  return { manifest, host, imports: { edict: known } };
}

export type BundleClass<B extends LoadedBundle, O extends LoadOptions> = new (
  manifest: BundleManifest,
  host: Host,
  exports: Record<string, unknown>,
  options: O,
) => B;

/** `loadBundle` (runtime/index.ts) producing a `Kind`: checksum, compile, host, instantiate, check the entries. */
export async function loadAs<B extends LoadedBundle, O extends LoadOptions>(bytes: Uint8Array | WebAssembly.Module, options: O, Kind: BundleClass<B, O>): Promise<B> {
  let module: WebAssembly.Module;
  if (bytes instanceof WebAssembly.Module) module = bytes;
  else if (bytes instanceof Uint8Array) {
    verifyChecksum(bytes);
    try {
      module = await WebAssembly.compile(bytes as unknown as BufferSource);
    } catch (e) {
      throw new Error(`corrupted or truncated Edict bundle: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    throw new TypeError("loadBundle expects the bundle's bytes (Uint8Array) or a WebAssembly.Module");
  }
  const { manifest, host, imports } = prepare(module, options);
  let instance: WebAssembly.Instance;
  try {
    instance = await WebAssembly.instantiate(module, imports);
  } catch (e) {
    throw new Error(`cannot instantiate the Edict bundle: ${e instanceof Error ? e.message : String(e)}`);
  }
  return finish(manifest, host, instance, options, Kind);
}

/** The instantiated bundle as a `Kind` (LoadedBundle, or an internal subclass for the test hooks). */
export function finish<B extends LoadedBundle, O extends LoadOptions>(
  manifest: BundleManifest,
  host: Host,
  instance: WebAssembly.Instance,
  options: O,
  Kind: BundleClass<B, O>,
): B {
  const exports = instance.exports as Record<string, unknown>;
  host.attach(exports as unknown as Globals);
  for (const p of manifest.policies) {
    if (typeof exports[p.entry] !== "function") throw new Error(`corrupted Edict bundle: policy ${p.name} has no entry function`);
  }
  return new Kind(manifest, host, exports, options);
}

export class LoadedBundle implements Bundle {
  readonly policies: PolicyInfo[];

  constructor(
    protected readonly manifest: BundleManifest,
    protected readonly host: Host,
    private readonly exports: Record<string, unknown>,
    private readonly options: LoadOptions,
  ) {
    this.policies = manifest.policies.map((p) => ({
      name: p.name,
      description: p.description,
      hash: p.hash,
      rules: p.rules.map((r) => ({ name: r.name, kind: r.kind })),
      inputs: p.inputs.map((i) => ({ name: i.name, type: i.type, nullable: i.nullable })),
    }));
    this.converter = new Converter(host.memoryLimitBytes, host.timeParsers);
    this.sharing = sharingOf(manifest);
    this.defaultDeny = new Set(manifest.policies.filter((p) => p.rules.some((r) => r.kind === "allow")));
  }

  /** Policies with allow rules (default deny, spec section 6), found once rather than per evaluation. */
  private readonly defaultDeny: Set<ManifestPolicy>;

  /** Per policy, per input: the index of its shared conversion (manifest `shared`), if any. */
  private readonly sharing: Map<ManifestPolicy, (number | undefined)[]>;

  /**
   * One for the bundle's lifetime. (Compiling each used type into a tree of
   * closures was tried and measured 1.2-4x slower than this walker: the
   * closure calls are megamorphic and V8 cannot inline them.)
   */
  private readonly converter: Converter;

  /** Did this policy's convertInputs convert anything itself (rather than reuse a shared conversion)? */
  protected converted = false;

  evaluate(input: object, options: EvaluateOptions = {}): Decision {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const host = this.host;
    host.clock = defaultClock;
    host.timeoutMs = timeoutMs;
    host.deadline = host.clock() + timeoutMs;
    const budget = options.fuel ?? this.options.fuel ?? DEFAULT_FUEL;
    const policies: { [name: string]: PolicyDecision } = {};
    let overall: "allow" | "deny" = "allow";
    const now = instant(options.now, this.host.timeParsers.timestamp);
    // One conversion per shared input and evaluation, made by the first policy that needs it.
    const shared: SharedConversions = this.sharing.size > 0 ? [] : NOTHING_SHARED;
    for (const policy of this.manifest.policies) {
      const mode = this.options.modes?.[policy.name] ?? "enforce";
      const decision = this.run(policy, input, mode, budget, now, options.now, shared);
      policies[policy.name] = decision;
      if (decision.decision === "deny") overall = "deny";
    }
    return { decision: overall, policies };
  }

  protected run(
    policy: ManifestPolicy,
    input: unknown,
    mode: PolicyMode,
    budget: number,
    now: Timestamp | null,
    nowOption: Date | string | undefined,
    shared: SharedConversions,
  ): PolicyDecision {
    const progress: Progress = { policy, inputs: [], now: now ?? NO_INSTANT, violations: [], warnings: [], grants: 0, outputs: {}, error: null };
    const finish = (error: DecisionError | null, fuel: number) => decide(progress, this.defaultDeny.has(policy), error, fuel, mode, policy.hash);
    if (now === null) {
      return finish({ code: "input_invalid", message: `now: expected an RFC 3339 timestamp, got ${JSON.stringify(String(nowOption))}` }, 0);
    }
    const host = this.host;
    host.reset(progress);
    host.startFuel(budget);
    try {
      this.converted = false;
      const problem = this.convertInputs(policy, input, progress, shared);
      if (problem) return finish({ code: "input_invalid", message: problem }, 0);
      // Converting is the only work outside the module's fuel ticks; a policy that reused
      // the conversions of another has nothing new to time (and a clock read costs ~45 ns).
      if (this.converted) host.checkDeadline();
      (this.exports[policy.entry] as (...inputs: number[]) => void)(...progress.inputs);
    } catch (e) {
      const ruleIndex = host.currentRule;
      const where = ruleIndex >= 0 ? { rule: policy.rules[ruleIndex]!.name } : {};
      const error = abortError(e, where);
      progress.error = error;
      return finish(error, error.code === "fuel_exhausted" ? budget : host.fuelUsed);
    }
    return finish(progress.error, host.fuelUsed);
  }

  /**
   * The policy's inputs, converted up front (design A of
   * docs/design/input-abi.md), onto `progress.inputs`; or the problem.
   */
  protected convertInputs(policy: ManifestPolicy, input: unknown, progress: Progress, shared: SharedConversions): string | null {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return `input: expected an object whose keys are input names, got ${jsonKind(input)}`;
    }
    const record = input as Record<string, unknown>;
    const converter = this.converter;
    const sharing = this.sharing.get(policy);
    for (let k = 0; k < policy.inputs.length; k++) {
      const declared = policy.inputs[k]!;
      const raw = Object.hasOwn(record, declared.name) ? record[declared.name] : undefined;
      if ((raw === undefined || raw === null) && declared.nullable) {
        progress.inputs.push(this.host.put(null));
        continue;
      }
      if (raw === undefined) return `${declared.name}: missing required input`;
      const at = sharing?.[k];
      if (at !== undefined) {
        let union = shared[at];
        if (union === undefined) {
          union = shared[at] = converter.convert(raw, this.manifest.shared![at]!.used, 1);
          this.converted = true;
        }
        // A failed union conversion says nothing about this policy's own fields: convert alone below.
        if (!(union instanceof InputProblem)) {
          progress.inputs.push(this.host.put(union));
          continue;
        }
      }
      const value = converter.convert(raw, declared.used, 1);
      this.converted = true;
      if (value instanceof InputProblem) return value.message(declared.name);
      progress.inputs.push(this.host.put(value));
    }
    return null;
  }
}

export type SharedConversions = (Value | InputProblem | undefined)[];
const NOTHING_SHARED: SharedConversions = [];

function sharingOf(manifest: BundleManifest): Map<ManifestPolicy, (number | undefined)[]> {
  const out = new Map<ManifestPolicy, (number | undefined)[]>();
  (manifest.shared ?? []).forEach((s, k) => {
    for (const [p, i] of s.members) {
      const policy = manifest.policies[p];
      if (policy?.inputs[i]?.name !== s.name) throw new Error("corrupted Edict bundle: a shared input names no input of its policy");
      let slots = out.get(policy);
      if (!slots) out.set(policy, (slots = []));
      slots[i] = k;
    }
  });
  return out;
}

function abortError(e: unknown, where: { rule?: string }): DecisionError {
  if (e instanceof Abort) return { code: e.code, message: e.message, ...where };
  if (e instanceof RangeError) return { code: "internal", message: `evaluation too deeply nested: ${e.message}`, ...where };
  if (e instanceof WebAssembly.RuntimeError) return { code: "internal", message: `internal error: trap: ${e.message}`, ...where };
  return { code: "internal", message: `internal error: ${e instanceof Error ? e.message : String(e)}`, ...where };
}

const NO_INSTANT = new Timestamp(0n);

/**
 * The `now` option as the instant every policy of one evaluation shares
 * (values are immutable), or null when invalid. RFC 3339 strings are read by
 * the bundle's parser, memoized: a rollout passes one `now` to every agent.
 */
export function instant(now: Date | string | undefined, parse: (s: string) => bigint | null): Timestamp | null {
  let nanos: bigint | null;
  if (now === undefined) nanos = BigInt(Date.now()) * 1_000_000n;
  else if (typeof now === "string") nanos = parse(now);
  else nanos = now instanceof Date && Number.isFinite(now.getTime()) ? BigInt(now.getTime()) * 1_000_000n : null;
  return nanos !== null && isTimestampInRange(nanos) ? new Timestamp(nanos) : null;
}
