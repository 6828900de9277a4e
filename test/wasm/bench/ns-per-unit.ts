// Calibration of the fuel cost model (docs/fuel.md, "Calibration"): programs that
// each stress one kind of work, evaluated through a bundle; time / fuel.
// npx esbuild test/wasm/bench/ns-per-unit.ts --bundle --platform=node --format=esm \
//   --target=es2022 --packages=external --outfile=dist/scratch/ns-per-unit.mjs && node dist/scratch/ns-per-unit.mjs
import { compile } from "../../../compiler/compile.js";
import { loadBundle } from "../../../runtime/index.js";
const progs: [string, string, object][] = [
  ["int loop", "input n: list<int>\noutput o = n.all(x, x + 1 > 0 && x * 2 >= 0)", { n: Array.from({ length: 2000 }, (_, i) => i) }],
  ["string eq loop", "input n: list<string>\noutput o = n.exists(x, x == 'zz' || x.startsWith('q'))", { n: Array.from({ length: 2000 }, (_, i) => `item-${i}`) }],
  ["concat", "input s: string\noutput o = size(s + s + s + s)", { s: "x".repeat(100000) }],
  ["contains", "input s: string\noutput o = s.contains('needle') || s.contains('other')", { s: "x".repeat(100000) }],
  ["regex simple", "input s: string\noutput o = s.matches('^[a-z]+$')", { s: "x".repeat(20000) }],
  ["regex heavy", "input s: string\noutput o = s.matches('(a|b|c|d|e|f|g|h)*(x|y)+z')", { s: "x".repeat(20000) }],
  ["map build", "input n: list<int>\noutput o = size(n.map(x, x * 2).filter(y, y % 3 == 0))", { n: Array.from({ length: 2000 }, (_, i) => i) }],
  ["split join", "input s: string\noutput o = size(s.split(',').join('-'))", { s: Array.from({ length: 5000 }, (_, i) => `f${i}`).join(",") }],
  ["nested for", "input n: list<int>\ndeny r { for a in n for b in n when a * b == -1 message 'x' }", { n: Array.from({ length: 150 }, (_, i) => i) }],
];
for (const [name, src, input] of progs) {
  const c = compile([{ name: "p.edict", source: `policy p "x"\n${src}\n` }]);
  if (!c.bundle) { console.log(name, JSON.stringify(c.diagnostics.map(d => d.message))); continue; }
  const b = await loadBundle(c.bundle, { timeoutMs: 1e9 });
  let fuel = 0; let err: unknown = null;
  for (let i = 0; i < 3; i++) { const d = b.evaluate(input, { now: "2026-11-23T10:00:00Z" }).policies.p!; fuel = d.fuel; err = d.error; }
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) { const t = performance.now(); b.evaluate(input, { now: "2026-11-23T10:00:00Z" }); runs.push(performance.now() - t); }
  runs.sort((a, b) => a - b);
  const ms = runs[3]!;
  console.log(name.padEnd(16), `fuel ${fuel}`.padEnd(14), `${ms.toFixed(3)} ms`.padEnd(12), `${(ms * 1e6 / fuel).toFixed(1)} ns/unit`, err ? JSON.stringify(err) : "");
}
