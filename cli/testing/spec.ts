// The `*.test.yaml` format (spec section 10), read and validated into plain
// objects. Additions to the spec's format, all optional: `fuel` (a fuel
// budget, per file or per case), `now` per case, `warnings` (rule names of
// the expected warnings, in order) and `outputs` (expected values of the
// named outputs; outputs not listed are not compared).

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ErrorCode } from "../../runtime/types.js";

export const ERROR_CODES: readonly ErrorCode[] = ["fuel_exhausted", "timeout", "input_invalid", "eval_error", "internal"];

export interface TestCase {
  name: string;
  input: object;
  expect: "allow" | "deny";
  violations?: string[];
  warnings?: string[];
  outputs?: Record<string, unknown>;
  error?: ErrorCode;
  now?: string;
  fuel?: number;
}

export interface TestFile {
  path: string;
  /** Absolute path of the policy under test. */
  policy: string;
  cases: TestCase[];
}

/** The test file itself is broken: reported as one failure of the whole file. */
export class TestFileError extends Error {}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readStructured(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new TestFileError(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new TestFileError(`${path}: ${(err as Error).message.split("\n")[0]}`);
  }
}

function checkKeys(where: string, value: Obj, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new TestFileError(`${where}: unknown key "${key}" (expected one of ${allowed.join(", ")})`);
  }
}

function stringList(where: string, v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new TestFileError(`${where} must be a list of rule names`);
  return v as string[];
}

function fuelOf(where: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v <= 0) throw new TestFileError(`${where}: fuel must be a positive integer`);
  return v;
}

function nowOf(where: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new TestFileError(`${where}: now must be an RFC 3339 string (quote it)`);
  return v;
}

const FILE_KEYS = ["policy", "now", "fuel", "cases"] as const;
const CASE_KEYS = ["name", "input", "input_file", "expect", "violations", "warnings", "outputs", "error", "now", "fuel"] as const;

function readCase(path: string, index: number, raw: unknown, defaults: { now?: string; fuel?: number }): TestCase {
  const at = `${path}: case ${index + 1}`;
  if (!isObject(raw)) throw new TestFileError(`${at} must be a mapping`);
  checkKeys(at, raw, CASE_KEYS);
  if (typeof raw.name !== "string" || raw.name === "") throw new TestFileError(`${at} needs a name`);
  const where = `${path}: case "${raw.name}"`;
  let input: unknown;
  if (raw.input !== undefined && raw.input_file !== undefined) throw new TestFileError(`${where}: give input or input_file, not both`);
  if (raw.input_file !== undefined) {
    if (typeof raw.input_file !== "string") throw new TestFileError(`${where}: input_file must be a path`);
    input = readStructured(resolve(dirname(path), raw.input_file));
  } else {
    input = raw.input;
  }
  if (!isObject(input)) throw new TestFileError(`${where}: input must be a mapping of input names to values`);
  if (raw.expect !== "allow" && raw.expect !== "deny") throw new TestFileError(`${where}: expect must be allow or deny`);
  if (raw.error !== undefined && !ERROR_CODES.includes(raw.error as ErrorCode)) {
    throw new TestFileError(`${where}: error must be one of ${ERROR_CODES.join(", ")}`);
  }
  if (raw.outputs !== undefined && !isObject(raw.outputs)) throw new TestFileError(`${where}: outputs must be a mapping`);
  const testCase: TestCase = { name: raw.name, input, expect: raw.expect };
  const violations = stringList(`${where}: violations`, raw.violations);
  const warnings = stringList(`${where}: warnings`, raw.warnings);
  const now = nowOf(where, raw.now) ?? defaults.now;
  const fuel = fuelOf(where, raw.fuel) ?? defaults.fuel;
  if (violations) testCase.violations = violations;
  if (warnings) testCase.warnings = warnings;
  if (raw.outputs !== undefined) testCase.outputs = raw.outputs as Record<string, unknown>;
  if (raw.error !== undefined) testCase.error = raw.error as ErrorCode;
  if (now !== undefined) testCase.now = now;
  if (fuel !== undefined) testCase.fuel = fuel;
  return testCase;
}

export function readTestFile(path: string): TestFile {
  const raw = readStructured(path);
  if (!isObject(raw)) throw new TestFileError(`${path}: expected a mapping with policy and cases`);
  checkKeys(path, raw, FILE_KEYS);
  if (typeof raw.policy !== "string") throw new TestFileError(`${path}: policy must be the path of a .edict file`);
  if (!Array.isArray(raw.cases) || raw.cases.length === 0) throw new TestFileError(`${path}: cases must be a non-empty list`);
  const defaults = { now: nowOf(path, raw.now), fuel: fuelOf(path, raw.fuel) };
  const cases = raw.cases.map((c, i) => readCase(path, i, c, defaults));
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new TestFileError(`${path}: two cases are named "${c.name}"`);
    names.add(c.name);
  }
  return { path, policy: resolve(dirname(path), raw.policy), cases };
}
