// Property tests run with a fixed seed in CI so failures reproduce. Locally:
//   EDICT_FC_SEED=123 EDICT_FC_SCALE=100 npx vitest run test/wasm/differential.test.ts --testTimeout=10000000
// runs a different seed with 100x the cases (each property multiplies its
// `numRuns` by the scale through `runs()` in test/support/runs.ts).
import fc from "fast-check";

const seed = Number(process.env.EDICT_FC_SEED ?? 20261123);
fc.configureGlobal({ seed });
