// Every example policy in the repository parses without a diagnostic, and
// printing it gives text that parses back to the same tree.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astEqual, parsePolicy, printPolicy, stripSpans } from "../../grammar/index.js";

function edictFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...edictFiles(path));
    else if (name.endsWith(".edict")) out.push(path);
  }
  return out;
}

const root = new URL("../..", import.meta.url).pathname;
const files = [...edictFiles(join(root, "examples")), ...edictFiles(join(root, "test/embedding/assets"))];

describe("example policies", () => {
  it("exist", () => expect(files.length).toBeGreaterThan(0));

  it.each(files.map((f) => [f.slice(root.length)]))("%s parses and round-trips", (relative) => {
    const source = readFileSync(join(root, relative), "utf8");
    const { ast, diagnostics } = parsePolicy(relative, source);
    expect(diagnostics).toEqual([]);
    const again = parsePolicy(relative, printPolicy(ast!));
    expect(again.diagnostics).toEqual([]);
    if (!astEqual(again.ast, ast)) expect(stripSpans(again.ast)).toEqual(stripSpans(ast));
  });
});
