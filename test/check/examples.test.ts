// The example policies shipped in examples/ check without a diagnostic.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource } from "./helpers.js";

const root = new URL("../../examples/", import.meta.url).pathname;

function edictFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? edictFiles(join(dir, d.name)) : d.name.endsWith(".edict") ? [join(dir, d.name)] : [],
  );
}

describe("example policies", () => {
  const files = edictFiles(root);
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files.map((f) => [f.slice(root.length), f]))("%s checks cleanly", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const { checked, diagnostics } = checkSource(source);
    expect(diagnostics).toEqual([]);
    expect(checked).not.toBeNull();
  });
});
