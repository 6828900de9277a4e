// `edict test PATH...`: runs every *.test.yaml under the paths; one line per
// case, then "N passed, N failed". Exit 1 on any failure.

import { flagValue, parseArgs, UsageError } from "../args.js";
import { parseEngineName } from "../engine.js";
import type { Output } from "../io.js";
import { countOutcomes, findTestFiles, runTestFile, type FileOutcome } from "../testing/run.js";
import { TestFileError } from "../testing/spec.js";

function report(file: FileOutcome, io: Output): void {
  for (const d of file.diagnostics) io.err(d);
  if (file.error) io.out(`✗ ${file.path} (${file.error})`);
  for (const c of file.cases) io.out(c.passed ? `✓ ${file.path} › ${c.name}` : `✗ ${file.path} › ${c.name} (${c.problem})`);
}

export async function runTest(argv: readonly string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { engine: { value: true } });
  if (args.positionals.length === 0) throw new UsageError("give .test.yaml files or directories");
  const engineFlag = flagValue(args, "engine");
  const engine = engineFlag === undefined ? undefined : parseEngineName(engineFlag);
  if (engineFlag !== undefined && engine === undefined) throw new UsageError(`--engine must be wasm or interpreter, got ${JSON.stringify(engineFlag)}`);
  let paths: string[];
  try {
    paths = findTestFiles(args.positionals);
  } catch (err) {
    if (err instanceof TestFileError) throw new UsageError(err.message);
    throw err;
  }
  if (paths.length === 0) {
    io.err(`no *.test.yaml files under ${args.positionals.join(", ")}`);
    return 1;
  }
  const files: FileOutcome[] = [];
  for (const path of paths) {
    const outcome = await runTestFile(path, engine ? { engine } : {});
    report(outcome, io);
    files.push(outcome);
  }
  const { passed, failed } = countOutcomes(files);
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
