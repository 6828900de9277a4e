// The `edict` command line (spec section 9). Exit codes: 0 success, 1 compile
// errors or failed tests, 2 usage errors, 3 a deny under --fail-on-deny.

import { UsageError } from "./args.js";
import { runBuild } from "./commands/build.js";
import { runCheck } from "./commands/check.js";
import { runDemo } from "./commands/demo.js";
import { runEval } from "./commands/eval.js";
import { runTest } from "./commands/test.js";
import { processOutput, type Output } from "./io.js";

export const EXIT_USAGE = 2;

const HELP = `edict: typed policies with CEL expressions, compiled to WebAssembly

Usage:
  edict check FILE.edict...                 type-check; print diagnostics (exit 1 on errors)
  edict build FILE.edict... -o OUT.wasm     compile the policies into one bundle
  edict eval (FILE.edict... | BUNDLE.wasm) --input FILE.json|-
        [--now RFC3339] [--fuel N] [--timeout-ms N] [--shadow NAME]...
        [--fail-on-deny] [--engine wasm|interpreter]
                                            evaluate one input; print the result as JSON
  edict test PATH... [--engine wasm|interpreter]
                                            run *.test.yaml policy tests (files or directories)
  edict demo [--agents N] [--seed N] [--engine wasm|interpreter]
                                            evaluate the example policies on a generated rollout
  edict --help                              this text

Exit codes: 0 ok, 1 compile errors / failed tests, 2 usage errors or unreadable input,
3 deny under --fail-on-deny. Docs: docs/language.md`;

type Command = (argv: readonly string[], io: Output) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  build: runBuild,
  eval: runEval,
  test: runTest,
  demo: runDemo,
};

export async function main(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(HELP);
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`edict: unknown command ${JSON.stringify(name)} (try edict --help)`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`edict ${name}: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

// `edict ... | head` closes the pipe early: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
