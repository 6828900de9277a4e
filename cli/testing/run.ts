// Runs `*.test.yaml` files: the API behind `edict test` (and the examples'
// own test). Each file's policy is compiled once; each case is one
// evaluation compared with its expectations.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { PolicyDecision } from "../../runtime/types.js";
import { DEFAULT_ENGINE, engineFromSources, type Engine, type EngineName } from "../engine.js";
import { renderDiagnostics } from "../io.js";
import { readTestFile, TestFileError, type TestCase } from "./spec.js";

export interface CaseOutcome {
  name: string;
  passed: boolean;
  /** Why it failed, e.g. "expected deny, got allow; violations []". */
  problem?: string;
}

export interface FileOutcome {
  /** The test file's path as given or found. */
  path: string;
  cases: CaseOutcome[];
  /** The file could not be run at all (bad YAML, policy does not compile). */
  error?: string;
  /** Rendered compiler diagnostics, when the policy has any. */
  diagnostics: string[];
}

export interface TestRunOptions {
  engine?: EngineName;
}

export function isTestFile(name: string): boolean {
  return name.endsWith(".test.yaml") || name.endsWith(".test.yml");
}

function walk(dir: string, found: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else if (isTestFile(entry.name)) found.push(path);
  }
}

/** Test files under each path (a directory is searched recursively); throws for a path that does not exist. */
export function findTestFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new TestFileError(`${path}: no such file or directory`);
    if (stat.isDirectory()) walk(path, found);
    else found.push(path);
  }
  return [...new Set(found)];
}

function names(hits: readonly { rule: string }[]): string {
  return `[${hits.map((h) => h.rule).join(", ")}]`;
}

function sameNames(expected: readonly string[], actual: readonly { rule: string }[]): boolean {
  return expected.length === actual.length && expected.every((name, i) => actual[i]!.rule === name);
}

/** Why a decision does not meet a case's expectations, or null when it does. */
export function caseProblem(expected: TestCase, actual: PolicyDecision): string | null {
  const error = actual.error;
  if (expected.error !== undefined) {
    if (!error) return `expected error ${expected.error}, got none (${actual.decision}; violations ${names(actual.violations)})`;
    if (error.code !== expected.error) return `expected error ${expected.error}, got ${error.code}: ${error.message}`;
  } else if (error) {
    return `expected ${expected.expect}, got ${actual.decision} with error ${error.code}${error.rule ? ` in rule ${error.rule}` : ""}: ${error.message}`;
  }
  const decision = actual.mode === "shadow" ? (actual.wouldDeny ? "deny" : "allow") : actual.decision;
  if (decision !== expected.expect) return `expected ${expected.expect}, got ${decision}; violations ${names(actual.violations)}`;
  if (expected.violations && !sameNames(expected.violations, actual.violations)) {
    return `expected violations [${expected.violations.join(", ")}], got ${names(actual.violations)}`;
  }
  if (expected.warnings && !sameNames(expected.warnings, actual.warnings)) {
    return `expected warnings [${expected.warnings.join(", ")}], got ${names(actual.warnings)}`;
  }
  for (const [name, value] of Object.entries(expected.outputs ?? {})) {
    if (!(name in actual.outputs)) return `expected output ${name}, but the policy has none by that name`;
    if (!isDeepStrictEqual(actual.outputs[name], value)) {
      return `expected output ${name} = ${JSON.stringify(value)}, got ${JSON.stringify(actual.outputs[name])}`;
    }
  }
  return null;
}

function runCase(engine: Engine, testCase: TestCase): CaseOutcome {
  const options: { now?: string; fuel?: number } = {};
  if (testCase.now !== undefined) options.now = testCase.now;
  if (testCase.fuel !== undefined) options.fuel = testCase.fuel;
  let decision: PolicyDecision | undefined;
  try {
    decision = engine.evaluate(testCase.input, options).policies[engine.policies[0]!];
  } catch (err) {
    return { name: testCase.name, passed: false, problem: `evaluation threw: ${(err as Error).message}` };
  }
  if (!decision) return { name: testCase.name, passed: false, problem: "the result has no decision for the policy" };
  const problem = caseProblem(testCase, decision);
  return problem === null ? { name: testCase.name, passed: true } : { name: testCase.name, passed: false, problem };
}

export async function runTestFile(path: string, options: TestRunOptions = {}): Promise<FileOutcome> {
  const outcome: FileOutcome = { path, cases: [], diagnostics: [] };
  try {
    const spec = readTestFile(path);
    let source: string;
    try {
      source = readFileSync(spec.policy, "utf8");
    } catch {
      throw new TestFileError(`policy ${relative(process.cwd(), spec.policy)} cannot be read`);
    }
    const sources = [{ name: relative(process.cwd(), spec.policy), source }];
    const loaded = await engineFromSources(sources, options.engine ?? DEFAULT_ENGINE);
    outcome.diagnostics = renderDiagnostics(loaded.diagnostics, sources);
    if (!loaded.ok) throw new TestFileError(`policy ${sources[0]!.name} does not compile (${loaded.reason})`);
    outcome.cases = spec.cases.map((c) => runCase(loaded.engine, c));
  } catch (err) {
    if (!(err instanceof TestFileError)) throw err;
    outcome.error = err.message;
  }
  return outcome;
}

export function countOutcomes(files: readonly FileOutcome[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const f of files) {
    if (f.error) failed++;
    for (const c of f.cases) c.passed ? passed++ : failed++;
  }
  return { passed, failed };
}
