// Fuel: the Wasm code charges per basic block, yet every budget from 0 to
// the full cost must end exactly where the interpreter ends (same error,
// same rule, same violations and warnings kept, same fuel).

import { describe, expect, test } from "vitest";
import * as entry from "../../compiler/interpret/entry.js";
import { interpreterBuiltins, load, NOW } from "./support/harness.js";

const POLICIES: [string, string, object][] = [
  [
    "for clauses, lets, fns, templates",
    `input cfg: { pipelines: map<string, { exporters: list<string> }> }
     let prod = size(cfg.pipelines) > 1
     fn kind(id: string): string = id.split("/")[0]
     deny debug { for name, p in cfg.pipelines for id in p.exporters when prod && kind(id) == "debug" message "\${name}: \${id}" }
     warn noisy { for name in cfg.pipelines when name.startsWith("t") }
     output kinds = cfg.pipelines.map(n, cfg.pipelines[n].exporters.map(e, kind(e)))`,
    { cfg: { pipelines: { traces: { exporters: ["debug", "otlp/eu", "debug/2"] }, logs: { exporters: ["debug/x"] } } } },
  ],
  [
    "macros, logic over errors, conditionals",
    `input xs: list<int>
     input d: dyn
     deny a { when xs.exists(x, 10 / x > 3) || d.missing }
     allow b { when xs.all(x, x >= 0) ? xs.exists_one(x, x == 2) : false }
     output o = cel.bind(t, xs.filter(x, x > 1), t.transformList(i, v, i * v))
     output q = d.?k.orValue(0)`,
    { xs: [2, 0, 3], d: { k: 5 } },
  ],
  [
    "work terms: matches, deep equality",
    `input hosts: list<string>
     input xs: list<list<int>>
     deny remote { for h in hosts when !h.matches("^[a-z]+[.]eu[.]example[.]com$") message "\${h}" }
     output same = xs == xs && [1] in xs && !({"a": xs} != {"a": xs})`,
    { hosts: ["otel.eu.example.com", "metrics.us.example.com"], xs: [[1, 2], [3, 4, 5]] },
  ],
];

describe("every budget ends where the interpreter ends", () => {
  test.each(POLICIES)("%s", async (_name, source, input) => {
    const { bundle, checked } = await load(source);
    const full = Object.values(bundle.evaluate(input, { now: NOW }).policies)[0]!;
    expect(full.error).toBeNull();
    const builtins = await interpreterBuiltins();
    for (let fuel = 0; fuel <= full.fuel + 1; fuel++) {
      // A generous deadline: this compares fuel, and a loaded machine must not turn a run into a timeout.
      const wasm = Object.values(bundle.evaluate(input, { now: NOW, fuel, timeoutMs: 60_000 }).policies)[0]!;
      const interpreted = entry.interpretPolicy(checked[0]!, input, { now: NOW, fuel, clock: () => 0, builtins, hash: wasm.hash });
      expect(wasm, `budget ${fuel}`).toEqual(interpreted);
    }
  });
});
