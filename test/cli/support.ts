// Runs the BUILT `edict` binary (dist/cli.js), as users do. The build runs
// at most once at a time across vitest workers (a lock directory), and only
// when dist/cli.js is older than a source file (`npm test` builds first, so
// then it never runs here).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const cliPath = join(repoRoot, "dist/cli.js");
const SOURCE_DIRS = ["cli", "compiler", "grammar", "runtime", "bench", "wasm"];
const LOCK = join(repoRoot, "node_modules/.cache/edict-cli-test-build.lock");

function newestSource(dir: string): number {
  let newest = 0;
  // A folder git does not track yet (an empty one, such as wasm/) is absent in a fresh clone.
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const built = statSync(cliPath, { throwIfNoEntry: false });
  if (!built) return false;
  const newest = Math.max(...SOURCE_DIRS.map((d) => newestSource(join(repoRoot, d))));
  return built.mtimeMs >= newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  // For working on the CLI while another stage does not build: use the dist/ you built yourself.
  if (process.env.EDICT_TEST_NO_BUILD === "1" || isFresh()) return;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    if (isFresh()) return;
    const built = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: repoRoot, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function edict(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): RunResult {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.stdin ?? "",
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh temp directory holding the given files (name -> text). */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "edict-cli-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
