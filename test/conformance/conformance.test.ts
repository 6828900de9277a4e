// The CEL conformance suite (cel-spec v0.25.1) for every available engine,
// plus cel-go's parser and checker tables. Each section is one test that
// compares the failing tests with known-failures.json in both directions:
// a new failure fails it, and so does a listed test that now passes (remove
// it, or regenerate with `UPDATE_KNOWN_FAILURES=1 npm run conformance`).

import { beforeAll, describe, expect, test } from "vitest";
import { availableEngines, loadFrontEnd, type Engine } from "./engines.js";
import { compareWithKnown, engineDifferences, readKnownFailures } from "./known-failures.js";
import { runCheckingSuite, runConformanceSuite, runParsingSuite, type Outcome } from "./run.js";
import { IN_SCOPE_SECTIONS } from "./scope.js";

const known = readKnownFailures();
const { engines, unavailable } = await availableEngines();
const front = await loadFrontEnd();

function inSection<T>(list: Record<string, T>, section: string): Record<string, T> {
  return Object.fromEntries(Object.entries(list).filter(([name]) => name.startsWith(`${section}/`)));
}

function expectMatchesKnown(outcomes: Outcome[], listed: Record<string, string>): void {
  const { unexpected, nowPassing } = compareWithKnown(outcomes, listed);
  expect(unexpected, "failing but not in known-failures.json").toEqual([]);
  expect(nowPassing, "in known-failures.json but passing now: remove them").toEqual([]);
}

const results = new Map<string, Outcome[]>();

for (const engine of engines) {
  describe(`conformance (${engine.name})`, () => {
    beforeAll(() => {
      results.set(engine.name, runConformanceSuite(engine as Engine));
    });
    for (const section of IN_SCOPE_SECTIONS) {
      test(section, () => {
        const outcomes = results.get(engine.name)!.filter((o) => o.section === section);
        expect(outcomes.length).toBeGreaterThan(0);
        expectMatchesKnown(outcomes, inSection(known.conformance[engine.name] ?? {}, section));
      });
    }
  });
}

test("the reference interpreter is available (other engines may still be missing)", () => {
  expect(unavailable.filter((u) => u.includes("interpret") || u.includes("front end"))).toEqual([]);
  expect(engines.map((e) => e.name)).toContain("interpreter");
});

describe("engines agree", () => {
  test.skipIf(unavailable.length > 0 || engines.length < 2)("identical results on every test (or listed in engineDifferences)", () => {
    const byEngine = new Map(engines.map((e) => [e.name, results.get(e.name) ?? runConformanceSuite(e)]));
    const differences = engineDifferences(byEngine);
    expect(Object.keys(differences).filter((n) => !(n in known.engineDifferences)), "new differences").toEqual([]);
    expect(Object.keys(known.engineDifferences).filter((n) => !(n in differences)), "listed but now identical").toEqual([]);
  });
});

describe.skipIf("unavailable" in front)("cel-go parser and checker tables", () => {
  test("parsing", () => {
    if ("unavailable" in front) return;
    expectMatchesKnown(runParsingSuite(front), known.parsing);
  });
  test("checking", () => {
    if ("unavailable" in front) return;
    expectMatchesKnown(runCheckingSuite(front), known.checking);
  });
});
