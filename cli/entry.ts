// The `edict` binary (dist/cli.js). It only sets a V8 flag, then loads the
// CLI (dist/cli-main.js, bundled from cli/main.ts).
//
// Why Liftoff only: binaryen is a ~10 MB Wasm module. By default V8 compiles
// its hot functions a second time with TurboFan on background threads, and a
// one-shot command never earns that back on a 2-core machine. Baseline code
// only cut a cold `edict build` of the eight examples from 2.4 s to 1.2-1.6 s,
// `edict test` and `edict demo` by 0.5-0.6 s, with identical bundles
// (docs/design/performance.md). The flag must be set before binaryen's module
// is compiled, hence the separate entry. It applies to this process only:
// library users keep their own V8 settings.
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--liftoff-only");
const main = "./cli-main.js";
await import(main);
