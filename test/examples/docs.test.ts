// Every `edict` code block of docs/language.md and README.md compiles
// without diagnostics. Blocks that are fragments (no `policy` header) get a
// prelude declaring the names they use, minus the names they declare.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/compile.js";

const root = resolve(import.meta.dirname, "../..");

const PRELUDE = [
  "input config: { exporters: map<string, Exporter> }",
  "input previous: { exporters: map<string, dyn> }?",
  "input traffic: map<string, int>",
  "input override: { exporter_removal?: bool }",
  "input agent: { labels: map<string, string> }",
  "type Exporter = { endpoint?: string, tls?: { insecure?: bool } }",
  "let overridden = has(override.exporter_removal) && override.exporter_removal",
  "let removed = previous == null ? [] : previous.exporters.filter(id, !(id in config.exporters))",
  "let previous_ids = previous == null ? [] : previous.exporters.map(id, id)",
  "fn agents_on(id: string): int = id in traffic ? traffic[id] : 0",
];

const DECLARED = /^(?:input|type|const|let|fn|output)\s+([A-Za-z_]\w*)/gm;

function withPrelude(fragment: string): string {
  const own = new Set([...fragment.matchAll(DECLARED)].map((m) => m[1]));
  const prelude = PRELUDE.filter((line) => !own.has([...line.matchAll(DECLARED)][0]![1]));
  return ["policy docs.fragment", ...prelude, fragment].join("\n");
}

for (const doc of ["docs/language.md", "README.md"]) {
  describe(doc, () => {
    const text = readFileSync(resolve(root, doc), "utf8");
    const blocks = [...text.matchAll(/```edict\n([\s\S]*?)```/g)].map((m) => m[1]!);
    it("has edict examples", () => expect(blocks.length).toBeGreaterThan(0));
    blocks.forEach((block, i) => {
      it(`block ${i + 1}: ${block.split("\n")[0]}`, () => {
        const source = block.startsWith("policy ") ? block : withPrelude(block);
        const result = checkSources([{ name: `${doc}#${i + 1}`, source }]);
        expect(result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([]);
        expect(result.ok).toBe(true);
      });
    });
  });
}
