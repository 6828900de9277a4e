// The runtime and the compiler in a real Chromium (Debian's, driven by
// playwright-core): the prebuilt bundle gives Node's decisions, and a policy
// compiled from source in the page evaluates like the same policy in Node.
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadBundle } from "../../runtime/index.js";
import { buildFixture, comparable, errorCodes, repoRoot, type CaseResult, type Fixture } from "./fixture.js";
import { serveDirectory } from "./static-server.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let fixture: Fixture;
let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install -y chromium`);
  fixture = await buildFixture();
  copyFileSync(join(repoRoot, "dist/browser/compiler.js"), join(fixture.dir, "compiler.js"));
  server = await serveDirectory(fixture.dir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Chromium", () => {
  it("evaluates the prebuilt bundle exactly as Node does", async () => {
    await page.goto(`${server.url}/evaluate.html`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const results = (await page.evaluate(
      (cases) => (window as unknown as { evaluateCases: (c: unknown) => Promise<unknown> }).evaluateCases(cases),
      fixture.cases,
    )) as CaseResult[];
    expect(comparable(results)).toEqual(comparable(fixture.nodeResults));
    const timedOut = results.find((r) => r.name === "timeout")!;
    expect(errorCodes(timedOut.result)["test.spin"]).toBe("timeout");
    expect(timedOut.elapsedMs).toBeLessThan(2_000);
  });

  it("compiles a policy from source in the page and evaluates it like Node", async () => {
    const source = readFileSync(join(repoRoot, "examples/otel/no-debug-in-production.edict"), "utf8");
    const sources = [{ name: "no-debug-in-production.edict", source }];
    const cases = fixture.cases.slice(0, 12);
    await page.goto(`${server.url}/compile.html`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const inPage = (await page.evaluate(
      ([s, c]) => (window as unknown as { compileAndRun: (s: unknown, c: unknown) => Promise<unknown> }).compileAndRun(s, c),
      [sources, cases] as const,
    )) as { results: CaseResult[]; size: number };

    const compiled = compile(sources);
    expect(compiled.ok).toBe(true);
    expect(inPage.size).toBe(compiled.bundle!.length);
    const bundle = await loadBundle(compiled.bundle!);
    const expected = cases.map((c) => ({ name: c.name, result: bundle.evaluate(c.input as object, c.options ?? {}) }));
    expect(comparable(inPage.results)).toEqual(comparable(expected as unknown as CaseResult[]));
  });
});
