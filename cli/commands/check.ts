// `edict check FILE...`: parse and type-check; print every diagnostic with
// its source line and a caret. Exit 1 when any is an error.

import { checkSources } from "../../compiler/compile.js";
import { parseArgs, UsageError } from "../args.js";
import { readSources, renderDiagnostics, summarize, type Output } from "../io.js";

export function runCheck(argv: readonly string[], io: Output): number {
  const args = parseArgs(argv, {});
  if (args.positionals.length === 0) throw new UsageError("give at least one .edict file");
  const sources = readSources(args.positionals);
  const result = checkSources(sources);
  for (const text of renderDiagnostics(result.diagnostics, sources)) io.out(text);
  const files = `${sources.length} file${sources.length === 1 ? "" : "s"}`;
  io.err(result.ok ? `checked ${files}: ${summarize(result.diagnostics)}` : `${files}: ${summarize(result.diagnostics)}`);
  return result.ok ? 0 : 1;
}
