// The bundle manifest as the runtime reads it, with validation: a bundle
// whose manifest is missing, malformed or of another version is rejected
// with a clear Error (never a crash later during evaluation).

import type { TypeDesc } from "./type-desc.js";

export const MANIFEST_SECTION = "edict.manifest";
export const MANIFEST_FORMAT = "edict-bundle";
export const MANIFEST_VERSION = 1;

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
  policies: ManifestPolicy[];
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
  if (!Array.isArray(o.policies) || !Array.isArray(o.consts) || !Array.isArray(o.sites) || !Array.isArray(o.imports)) {
    throw new Error("corrupted Edict bundle: the manifest lacks policies, consts, sites or imports");
  }
  for (const p of o.policies) {
    if (typeof p?.name !== "string" || typeof p.entry !== "string" || !Array.isArray(p.inputs) || !Array.isArray(p.rules) || !Array.isArray(p.outputs)) {
      throw new Error("corrupted Edict bundle: a policy entry is malformed");
    }
  }
  return o as BundleManifest;
}
