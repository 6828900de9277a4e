// edict/runtime's size budget (issue 5: 20 KB minified + gzip, measured as
// `npm run bench` does) and what keeps it there: the JavaScript twins of
// the AssemblyScript helpers (regex engine, semver, net, murmur3) belong to
// the interpreter and must not be pulled into the runtime.

import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/** 20 KiB. bench/RESULTS.md reports the exact figure; docs/design/performance.md the margin. */
const BUDGET_BYTES = 20 * 1024;

const HELPER_TWINS = ["runtime/lib/regex/parser.ts", "runtime/lib/regex/compiler.ts", "runtime/lib/regex/vm.ts", "runtime/lib/semver.ts", "runtime/lib/net.ts", "runtime/lib/murmur3.ts"];

describe("edict/runtime", async () => {
  const result = await build({
    entryPoints: ["runtime/index.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    platform: "neutral",
    target: "es2022",
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);

  it("does not include the JavaScript twins of the bundle helpers", () => {
    expect(inputs.filter((f) => HELPER_TWINS.includes(f))).toEqual([]);
    // The sanity check that this looks at the right graph: the runtime's own files are there.
    expect(inputs).toContain("runtime/engine/helpers.ts");
  });

  it(`is at most ${BUDGET_BYTES} bytes minified and gzipped`, () => {
    expect(gzipSync(result.outputFiles[0]!.contents).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
