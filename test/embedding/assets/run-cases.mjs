// Shared by every engine's harness (Deno script, workerd worker, browser page):
// evaluate each case with the runtime and return the decisions in order.
// Plain ESM with no imports so it loads unchanged everywhere.
export function runCases(bundle, cases) {
  return cases.map((c) => {
    const started = Date.now();
    const result = bundle.evaluate(c.input, c.options ?? {});
    return { name: c.name, result, elapsedMs: Date.now() - started };
  });
}
