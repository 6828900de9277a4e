// Sources -> checked policies -> bundle: the `compile()` of the public API
// (spec section 9) and `checkSources()` for the interpreter path. Each file
// is parsed and checked on its own; a file with syntax errors is not
// checked (its diagnostics would only echo the parse errors).

import { parsePolicy } from "../grammar/index.js";
import { checkPolicy } from "./check/index.js";
import type { CheckedPolicy } from "./check/checked.js";
import { LineMap, toPublicDiagnostic, type Diagnostic, type RawDiagnostic } from "./diagnostics.js";
import { bundleFor } from "./api/bundle.js";

export interface SourceFile {
  /** Shown in diagnostics; usually the file's path. */
  name: string;
  source: string;
}

/** Every field is optional. */
export interface CompileOptions {
  /** Treat warnings as errors (`ok` is false when any warning is reported). */
  warningsAsErrors?: boolean;
  /** Run Binaryen's optimiser on the bundle (default true; false compiles faster). */
  optimize?: boolean;
}

export interface CompileResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The bundle's bytes; present when `ok` (and the Wasm backend is available). */
  bundle?: Uint8Array;
}

export interface CheckResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** One per source file, in the order given; empty unless `ok`. */
  checked: CheckedPolicy[];
}

/** Codes of diagnostics created here, next to the grammar's E00xx and the checker's E01xx. */
export const API_CODES = {
  duplicatePolicy: "E0901",
  internal: "E0902",
  noSources: "E0903",
} as const;

function checkOne(file: SourceFile): { checked: CheckedPolicy | null; raw: RawDiagnostic[] } {
  const parsed = parsePolicy(file.name, file.source);
  if (!parsed.ast || parsed.diagnostics.some((d) => d.severity === "error")) {
    return { checked: null, raw: parsed.diagnostics };
  }
  const result = checkPolicy(parsed.ast, file.source);
  return { checked: result.checked ?? null, raw: [...parsed.diagnostics, ...result.diagnostics] };
}

/** A bug in a stage must not take the caller down: it becomes an error diagnostic on the file. */
function internalError(file: SourceFile, err: unknown): RawDiagnostic {
  const message = err instanceof Error ? err.message : String(err);
  return {
    severity: "error",
    code: API_CODES.internal,
    message: `internal compiler error: ${message}`,
    help: "this is a bug in Edict; please report it with the policy that triggers it",
    file: file.name,
    span: { start: 0, end: 0 },
  };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

/** Parses and type-checks every source; policy names must be unique across them. */
export function checkSources(sources: readonly SourceFile[], options: CompileOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedPolicy[] = [];
  const owners = new Map<string, string>();
  let failed = false;
  if (sources.length === 0) {
    diagnostics.push({
      severity: "error", code: API_CODES.noSources, message: "no policy files to compile",
      file: "", line: 1, column: 1, endLine: 1, endColumn: 1,
    });
    return { ok: false, diagnostics, checked: [] };
  }
  for (const file of sources) {
    const lines = new LineMap(file.source);
    let outcome: { checked: CheckedPolicy | null; raw: RawDiagnostic[] };
    try {
      outcome = checkOne(file);
    } catch (err) {
      outcome = { checked: null, raw: [internalError(file, err)] };
    }
    const raw = [...outcome.raw];
    if (outcome.checked) {
      const name = outcome.checked.name;
      const owner = owners.get(name);
      if (owner !== undefined) {
        raw.push({
          severity: "error",
          code: API_CODES.duplicatePolicy,
          message: `policy ${name} is already defined in ${owner}`,
          help: "policy names must be unique within a bundle",
          file: file.name,
          span: outcome.checked.ast.name.span,
        });
      } else {
        owners.set(name, file.name);
      }
    }
    const fileDiagnostics = raw.map((d) => toPublicDiagnostic(d, lines)).sort(byPosition);
    const hasError = fileDiagnostics.some((d) => d.severity === "error" || (options.warningsAsErrors ?? false));
    if (hasError || !outcome.checked) failed = true;
    else checked.push(outcome.checked);
    diagnostics.push(...fileDiagnostics);
  }
  return { ok: !failed, diagnostics, checked: failed ? [] : checked };
}

/** Compiles policy sources into one bundle (spec section 9). Never throws. */
export function compile(sources: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const result = checkSources(sources, options);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  let bundle: Uint8Array | undefined;
  try {
    bundle = bundleFor(result.checked, options.optimize === undefined ? {} : { optimize: options.optimize });
  } catch (err) {
    const diagnostics = [...result.diagnostics];
    const message = err instanceof Error ? err.message : String(err);
    diagnostics.push({
      severity: "error", code: API_CODES.internal, message: `internal compiler error in code generation: ${message}`,
      file: sources[0]!.name, line: 1, column: 1, endLine: 1, endColumn: 1,
    });
    return { ok: false, diagnostics };
  }
  return bundle ? { ok: true, diagnostics: result.diagnostics, bundle } : { ok: true, diagnostics: result.diagnostics };
}
