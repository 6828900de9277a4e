// `edict build FILE... -o OUT.wasm`: compile every file into one bundle.

import { writeFileSync } from "node:fs";
import { compile } from "../../compiler/compile.js";
import { flagValue, parseArgs, UsageError } from "../args.js";
import { readSources, renderDiagnostics, summarize, type Output } from "../io.js";

export function runBuild(argv: readonly string[], io: Output): number {
  const args = parseArgs(argv, { out: { value: true, short: "-o" } });
  const outPath = flagValue(args, "out");
  if (args.positionals.length === 0) throw new UsageError("give at least one .edict file");
  if (!outPath) throw new UsageError("give the output file with -o OUT.wasm");
  const sources = readSources(args.positionals);
  const result = compile(sources);
  for (const text of renderDiagnostics(result.diagnostics, sources)) io.err(text);
  if (!result.ok) {
    io.err(`build failed: ${summarize(result.diagnostics)}`);
    return 1;
  }
  if (!result.bundle) {
    io.err("build failed: the Wasm backend is not available in this build");
    return 1;
  }
  try {
    writeFileSync(outPath, result.bundle);
  } catch (err) {
    io.err(`cannot write ${outPath}: ${(err as Error).message}`);
    return 1;
  }
  io.err(`wrote ${outPath} (${result.bundle.length} bytes, ${sources.length} polic${sources.length === 1 ? "y" : "ies"})`);
  return 0;
}
