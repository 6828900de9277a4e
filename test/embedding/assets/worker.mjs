// A Cloudflare worker: the bundle is bound as a precompiled WebAssembly.Module
// (workers may not compile Wasm from bytes), loaded once per isolate.
import { loadBundle } from "./runtime.js";
import policies from "./bundle.wasm";
import { runCases } from "./run-cases.mjs";

let loaded;

export default {
  async fetch(request) {
    loaded ??= loadBundle(policies);
    const bundle = await loaded;
    const cases = await request.json();
    return new Response(JSON.stringify(runCases(bundle, cases)), {
      headers: { "content-type": "application/json" },
    });
  },
};
