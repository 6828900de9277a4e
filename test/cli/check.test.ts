// `edict check` and usage errors, through the built binary.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { edict, ensureBuilt, tempFiles } from "./support.js";

beforeAll(() => ensureBuilt());

const THREE_MISTAKES = `policy t.three "three mistakes"

input config: { exporters: map<string, string> }

let a = undefined_name + 1
let b = 1 + "x"

deny r {
  when config.exportrs.size() > 0
}
`;

/** The lines that follow the `file:line:col:` head of each diagnostic, up to the caret. */
function diagnosticBlocks(stdout: string): { head: string; source: string; caret: string }[] {
  const lines = stdout.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\S+:\d+:\d+: (error|warning): /.test(lines[i]!)) blocks.push({ head: lines[i]!, source: lines[i + 1]!, caret: lines[i + 2]! });
  }
  return blocks;
}

/** Column (1-based, in the source text) of the first caret under a `  N | text` line. */
function caretColumn(source: string, caret: string): number {
  const bar = source.indexOf("| ") + 2;
  return caret.indexOf("^") - bar + 1;
}

describe("edict check", () => {
  it("reports all three mistakes of a file, each with its source line and a caret, and exits 1", () => {
    const dir = tempFiles({ "three.edict": THREE_MISTAKES });
    const run = edict(["check", "three.edict"], { cwd: dir });
    expect(run.status).toBe(1);
    const blocks = diagnosticBlocks(run.stdout);
    expect(blocks.map((b) => b.head.split(": error: ")[0])).toEqual(["three.edict:5:9", "three.edict:6:11", "three.edict:9:15"]);
    expect(blocks[0]!.head).toContain("unknown name 'undefined_name'");
    expect(blocks[1]!.head).toMatch(/no matching overload.*int \+ string/);
    expect(blocks[2]!.head).toMatch(/unknown field 'exportrs'.*did you mean 'exporters'/);
    expect(blocks.map((b) => b.source.trim())).toEqual([
      "5 | let a = undefined_name + 1",
      '6 | let b = 1 + "x"',
      "9 |   when config.exportrs.size() > 0",
    ]);
    // Carets sit under the offending text, as wide as it.
    expect(blocks.map((b) => caretColumn(b.source, b.caret))).toEqual([9, 11, 15]);
    expect(blocks.map((b) => b.caret.replace(/^\s*\|\s*/, ""))).toEqual(["^".repeat("undefined_name".length), "^", "^".repeat("exportrs".length)]);
  });

  it("reports errors of every file given", () => {
    const dir = tempFiles({
      "a.edict": `policy t.a\nlet x = nope\n`,
      "b.edict": `policy t.b\ndeny r { when 1 }\n`,
      "ok.edict": `policy t.ok\ninput n: int\ndeny big { when n > 10 }\n`,
    });
    const run = edict(["check", "a.edict", "b.edict", "ok.edict"], { cwd: dir });
    expect(run.status).toBe(1);
    const heads = diagnosticBlocks(run.stdout).map((b) => b.head);
    expect(heads.some((h) => h.startsWith("a.edict:2:9: error:"))).toBe(true);
    expect(heads.some((h) => h.startsWith("b.edict:2:15: error:"))).toBe(true);
    expect(heads.some((h) => h.startsWith("ok.edict"))).toBe(false);
  });

  it("reports a syntax error with its position", () => {
    const dir = tempFiles({ "bad.edict": `policy t.bad\n\ndeny r {\n  when (1 + \n}\n` });
    const run = edict(["check", "bad.edict"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^bad\.edict:\d+:\d+: error: /m);
  });

  it("exits 0 on warnings only, and prints them", () => {
    const dir = tempFiles({
      "w.edict": `policy t.w\ninput e: { endpoint?: string }\ndeny r { when e.endpoint == "x" }\n`,
    });
    const run = edict(["check", "w.edict"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^w\.edict:3:\d+: warning: .*endpoint/m);
    expect(run.stdout).toContain("^");
  });

  it("passes every example policy", () => {
    const run = edict(["check", ...["tls-insecure-non-localhost", "exporter-removal", "non-eu-endpoint", "traces-tail-sampling",
      "hostmetrics-interval", "no-debug-in-production", "default-deny-exporter-removal",
      "default-deny-tls-insecure-on-non-localhost"].map((n) => join("examples/otel", `${n}.edict`))]);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  it("rejects two policies with the same name", () => {
    const dir = tempFiles({ "a.edict": `policy t.same\n`, "b.edict": `policy t.same\n` });
    const run = edict(["check", "a.edict", "b.edict"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^b\.edict:1:8: error: policy t\.same is already defined in a\.edict/m);
  });
});

describe("usage errors exit 2 with a clear message", () => {
  it.each([
    [["check"], /give at least one \.edict file/],
    [["check", "--nope", "x.edict"], /unknown option --nope/],
    [["check", "missing.edict"], /cannot read missing\.edict: no such file/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["build", "x.edict"], /-o OUT\.wasm/],
    [["eval", "examples/otel/exporter-removal.edict"], /--input/],
    [["eval", "examples/otel/exporter-removal.edict", "--input", "x.json", "--fuel", "-3"], /unknown option -3|--fuel must be a positive integer/],
    [["eval", "examples/otel/exporter-removal.edict", "--input", "-", "--fuel", "lots"], /--fuel must be a positive integer/],
    [["eval", "examples/otel/exporter-removal.edict", "--input", "-", "--now", "yesterday"], /--now must be an RFC 3339 timestamp/],
    [["eval", "examples/otel/exporter-removal.edict", "--input", "-", "--engine", "gpu"], /--engine must be wasm or interpreter/],
    [["test"], /give \.test\.yaml files or directories/],
    [["test", "no/such/dir"], /no such file or directory/],
    [["demo", "--agents", "0"], /--agents must be a positive integer/],
  ])("edict %j", (args, message) => {
    const run = edict(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("prints help with --help and exits 0", () => {
    const run = edict(["--help"]);
    expect(run.status).toBe(0);
    for (const command of ["check", "build", "eval", "test", "demo"]) expect(run.stdout).toContain(`edict ${command}`);
  });
});
