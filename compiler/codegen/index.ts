// The Wasm backend's entry point (spec section 9 via compile()): checked
// policies -> one bundle, a Wasm module with one exported entry function per
// policy and the manifest in the custom section `edict.manifest`.
// docs/design/wasm-abi.md describes the ABI between module and runtime.

import type { CheckedPolicy } from "../check/checked.js";
import { typeToString } from "../types.js";
import { MANIFEST_FORMAT, MANIFEST_SECTION, MANIFEST_VERSION, type BundleManifest, type ManifestPolicy } from "../../runtime/engine/manifest.js";
import { typeDesc } from "./manifest.js";
import { HOST_IMPORTS, ModuleBuilder } from "./module.js";
import { emitPolicy } from "./policy.js";
import { sha256Hex } from "./sha256.js";

export const COMPILER_ID = "edict-wasm/0.1";

export interface GenerateOptions {
  /** Run binaryen's optimiser (default true). */
  optimize?: boolean;
}

export function generateBundle(checked: readonly CheckedPolicy[], options: GenerateOptions = {}): Uint8Array {
  const names = new Set<string>();
  for (const c of checked) {
    if (names.has(c.name)) throw new Error(`policy ${c.name} appears twice in one bundle`);
    names.add(c.name);
  }
  const mb = new ModuleBuilder();
  try {
    const policies: ManifestPolicy[] = checked.map((c, k) => {
      const entry = `policy_${k}`;
      emitPolicy(mb, c, `p${k}_`, entry);
      const described: Omit<ManifestPolicy, "hash"> = {
        name: c.name,
        description: c.description,
        entry,
        inputs: c.inputs.map((i) => ({ name: i.name, type: typeToString(i.type), nullable: i.nullable, used: typeDesc(i.usedType) })),
        rules: c.rules.map((r) => ({ name: r.name.name, kind: r.ruleKind, expires: r.expires?.text ?? null })),
        outputs: c.outputs.map((o) => o.name.name),
      };
      const hashed = JSON.stringify({ compiler: COMPILER_ID, version: MANIFEST_VERSION, policy: described, source: c.source });
      return { ...described, hash: `sha256:${sha256Hex(new TextEncoder().encode(hashed))}` };
    });
    const m = mb.m;
    if (!m.validate()) throw new Error("wasm backend produced an invalid module (this is a bug)");
    if (options.optimize ?? true) m.optimize();
    const manifest: BundleManifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      compiler: COMPILER_ID,
      imports: Object.keys(HOST_IMPORTS),
      consts: mb.consts,
      sites: mb.sites,
      policies,
    };
    m.addCustomSection(MANIFEST_SECTION, new TextEncoder().encode(JSON.stringify(manifest)));
    return m.emitBinary();
  } catch (e) {
    if (e instanceof RangeError) throw new Error("an expression is nested too deeply for the wasm backend (split it with lets or fns)");
    throw e;
  } finally {
    mb.m.dispose();
  }
}
