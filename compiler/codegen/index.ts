// The Wasm backend's entry point (spec section 9 via compile()): checked
// policies -> one bundle, a Wasm module with one exported entry function per
// policy and the manifest in the custom section `edict.manifest`.
// docs/design/wasm-abi.md describes the ABI between module and runtime.

import binaryen from "binaryen";
import type { CheckedPolicy } from "../check/checked.js";
import { typeToString } from "../types.js";
import { checksumSection, MANIFEST_FORMAT, MANIFEST_SECTION, MANIFEST_VERSION, type BundleManifest, type ManifestPolicy } from "../../runtime/engine/manifest.js";
import { typeDesc } from "./manifest.js";
import { ModuleBuilder } from "./module.js";
import { helperExportsOf } from "../../runtime/engine/helpers.js";
import { implementation } from "../../runtime/engine/library.js";
import { emitPolicy } from "./policy.js";
import { lowerPolicy } from "../ir/lower-policy.js";
import { shareInputs } from "./shared-inputs.js";
import { timeInputIds } from "./time-inputs.js";
import { sha256Hex } from "./sha256.js";

export const COMPILER_ID = "edict-wasm/0.1";

export interface GenerateOptions {
  /** Run binaryen's optimiser (default true). */
  optimize?: boolean;
  /**
   * Charge fuel (default true). False builds a bundle without metering, and
   * so without fuel limits or deadline checks: only `npm run bench` uses it,
   * to measure what metering costs. Not reachable from compile() or the CLI.
   */
  metered?: boolean;
}

/** The manifest entry of the policy at position `index` of a bundle, without its hash. */
export function describePolicy(c: CheckedPolicy, index: number): Omit<ManifestPolicy, "hash"> {
  return {
    name: c.name,
    description: c.description,
    entry: `policy_${index}`,
    inputs: c.inputs.map((i) => ({ name: i.name, type: typeToString(i.type), nullable: i.nullable, used: typeDesc(i.usedType) })),
    rules: c.rules.map((r) => ({ name: r.name.name, kind: r.ruleKind, expires: r.expires?.text ?? null })),
    outputs: c.outputs.map((o) => o.name.name),
  };
}

/**
 * "sha256:<hex>" of a policy's compiled form: its manifest entry, the
 * compiler and manifest versions, and its source. Exported so the
 * interpreter engine reports the same hash as the bundle would.
 */
export function policyHash(described: Omit<ManifestPolicy, "hash">, source: string): string {
  const hashed = JSON.stringify({ compiler: COMPILER_ID, version: MANIFEST_VERSION, policy: described, source });
  return `sha256:${sha256Hex(new TextEncoder().encode(hashed))}`;
}

/** The hash of every policy as `generateBundle` would record it for this list. */
export function bundleHashes(checked: readonly CheckedPolicy[]): Record<string, string> {
  return Object.fromEntries(checked.map((c, k) => [c.name, policyHash(describePolicy(c, k), c.source)]));
}

/**
 * A short list of cheap binaryen passes instead of -O2: the generated code
 * spends its time in host calls, so -O2 buys nothing measurable at run time
 * (same rollout time within noise) while costing 10-50x the compile time.
 */
const FUNCTION_PASSES = ["remove-unused-brs", "merge-blocks", "simplify-locals", "vacuum", "coalesce-locals", "reorder-locals"];

/**
 * Drops unreachable code (helpers no site calls) first, then runs the
 * function passes on the generated functions only: the helpers come
 * optimised by asc -O3, and re-running passes over them cost every bundle
 * ~30 ms once the regex engine joined them.
 */
function optimize(m: binaryen.Module, helperFunctions: ReadonlySet<string>): void {
  m.runPasses(["remove-unused-module-elements"]);
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    if (info.module === "" && !helperFunctions.has(info.name)) m.runPassesOnFunction(info.name, FUNCTION_PASSES);
  }
}

/** The manifest's `shared` list (absent when no input is shared), kept out of the policy entries so hashes do not depend on the bundle's other policies. */
function sharedInputs(checked: readonly CheckedPolicy[]): Pick<BundleManifest, "shared"> {
  const { shared, index } = shareInputs(checked);
  if (shared.length === 0) return {};
  return {
    shared: shared.map((s, k) => ({
      ...s,
      members: index.flatMap((inputs, p) => inputs.flatMap((at, i) => (at === k ? [[p, i] as [number, number]] : []))),
    })),
  };
}

/** The overloads the checker resolved for the policies' calls, dead code included: a superset of the call sites'. */
function resolvedOverloads(checked: readonly CheckedPolicy[]): string[] {
  return checked.flatMap((c) => [...c.resolutions.values()].flatMap((r) => (r.kind === "overload" ? [r.overloadId] : r.kind === "dynamic" ? r.overloadIds : [])));
}

/** The host functions the final module imports (module "edict"): the generated code's and its helpers'. */
function hostImports(m: binaryen.Module): string[] {
  const names: string[] = [];
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    if (info.module === "edict" && info.base) names.push(info.base);
  }
  return names;
}

export function generateBundle(checked: readonly CheckedPolicy[], options: GenerateOptions = {}): Uint8Array {
  const names = new Set<string>();
  for (const c of checked) {
    if (names.has(c.name)) throw new Error(`policy ${c.name} appears twice in one bundle`);
    names.add(c.name);
  }
  const metered = options.metered ?? true;
  const helperExports = helperExportsOf([...resolvedOverloads(checked), ...timeInputIds(checked)]);
  const mb = new ModuleBuilder(metered, helperExports);
  try {
    const policies: ManifestPolicy[] = checked.map((c, k) => {
      const described = describePolicy(c, k);
      emitPolicy(mb, lowerPolicy(c), `p${k}_`, described.entry);
      return { ...described, hash: policyHash(described, c.source) };
    });
    const m = mb.m;
    // A message hole's string() site lists every overload; the formatting ones the library also has in JavaScript (runtime/engine/helpers.ts).
    const unserved = [...helperExportsOf(mb.sites.flatMap((s) => s.ids).filter((id) => !implementation(id)))].filter((name) => !helperExports.has(name));
    if (unserved.length > 0) throw new Error(`wasm backend left out helpers its call sites need: ${unserved.join(", ")} (this is a bug)`);
    if (!m.validate()) throw new Error("wasm backend produced an invalid module (this is a bug)");
    if (options.optimize ?? true) optimize(m, mb.helperFunctions);
    const manifest: BundleManifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      compiler: COMPILER_ID,
      imports: hostImports(m),
      consts: mb.consts,
      sites: mb.sites,
      checks: mb.checks,
      policies,
      ...sharedInputs(checked),
      ...(metered ? {} : { metered: false }),
    };
    m.addCustomSection(MANIFEST_SECTION, new TextEncoder().encode(JSON.stringify(manifest)));
    const body = m.emitBinary();
    const checksum = checksumSection(body);
    const bytes = new Uint8Array(body.length + checksum.length);
    bytes.set(body);
    bytes.set(checksum, body.length);
    return bytes;
  } catch (e) {
    if (e instanceof RangeError) throw new Error("an expression is nested too deeply for the wasm backend (split it with lets or fns)");
    throw e;
  } finally {
    mb.m.dispose();
  }
}
