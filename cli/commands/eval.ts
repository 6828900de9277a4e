// `edict eval (FILE.edict... | BUNDLE.wasm) --input FILE.json|- [options]`:
// prints the evaluate() result as JSON. Exit 0 whatever the decision (3 on
// deny with --fail-on-deny), 1 on compile errors, 2 on usage errors.

import { parseTimestamp } from "../../runtime/lib/time.js";
import type { LoadOptions, PolicyMode } from "../../runtime/types.js";
import { flagSet, flagValue, parseArgs, positiveIntFlag, UsageError } from "../args.js";
import { DEFAULT_ENGINE, engineFromBundle, engineFromSources, parseEngineName, type Engine, type EngineName } from "../engine.js";
import { readArgumentFile, readJsonInput, readSources, renderDiagnostics, summarize, type Output } from "../io.js";

const FLAGS = {
  input: { value: true, short: "-i" },
  now: { value: true },
  fuel: { value: true },
  "timeout-ms": { value: true },
  shadow: { value: true, repeat: true },
  "fail-on-deny": {},
  engine: { value: true },
};

export const EXIT_DENY = 3;

function parseNow(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (parseTimestamp(text) === null) throw new UsageError(`--now must be an RFC 3339 timestamp, got ${JSON.stringify(text)}`);
  return text;
}

function parseEngineFlag(engineFlag: string | undefined): EngineName | undefined {
  const requested = engineFlag === undefined ? undefined : parseEngineName(engineFlag);
  if (engineFlag !== undefined && requested === undefined) {
    throw new UsageError(`--engine must be wasm or interpreter, got ${JSON.stringify(engineFlag)}`);
  }
  return requested;
}

async function loadEngine(files: string[], requested: EngineName | undefined, load: LoadOptions, io: Output): Promise<Engine | null> {
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  if (wasm.length > 0 && (wasm.length > 1 || files.length > 1)) {
    throw new UsageError("give either .edict files or one .wasm bundle, not both");
  }
  if (wasm.length === 1) {
    if (requested === "interpreter") throw new UsageError("a .wasm bundle runs on the wasm engine; pass .edict files for --engine interpreter");
    try {
      return await engineFromBundle(new Uint8Array(readArgumentFile(wasm[0]!)), load);
    } catch (err) {
      io.err(`cannot load ${wasm[0]}: ${(err as Error).message}`);
      return null;
    }
  }
  const sources = readSources(files);
  const result = await engineFromSources(sources, requested ?? DEFAULT_ENGINE, load);
  for (const text of renderDiagnostics(result.diagnostics, sources)) io.err(text);
  if (!result.ok) {
    io.err(`${result.reason}: ${summarize(result.diagnostics)}`);
    return null;
  }
  return result.engine;
}

export async function runEval(argv: readonly string[], io: Output): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  if (args.positionals.length === 0) throw new UsageError("give .edict files or one .wasm bundle");
  const inputPath = flagValue(args, "input");
  if (inputPath === undefined) throw new UsageError("give the input with --input FILE.json (or --input - for stdin)");
  const now = parseNow(flagValue(args, "now"));
  const fuel = positiveIntFlag(args, "fuel");
  const timeoutMs = positiveIntFlag(args, "timeout-ms");
  const shadow = args.flags.get("shadow") ?? [];
  const engineName = parseEngineFlag(flagValue(args, "engine"));
  const input = readJsonInput(inputPath);
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new UsageError(`the input must be a JSON object whose keys are the policies' inputs`);
  }

  const modes: Record<string, PolicyMode> = {};
  for (const name of shadow) modes[name] = "shadow";
  const load: LoadOptions = { modes };
  if (fuel !== undefined) load.fuel = fuel;
  if (timeoutMs !== undefined) load.timeoutMs = timeoutMs;

  const engine = await loadEngine(args.positionals, engineName, load, io);
  if (!engine) return 1;
  for (const name of shadow) {
    if (!engine.policies.includes(name)) {
      throw new UsageError(`--shadow ${name}: no such policy (policies: ${engine.policies.join(", ")})`);
    }
  }
  const result = engine.evaluate(input, now === undefined ? {} : { now });
  io.out(JSON.stringify(result, null, 2));
  return flagSet(args, "fail-on-deny") && result.decision === "deny" ? EXIT_DENY : 0;
}
