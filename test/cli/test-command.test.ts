// `edict test` through the built binary: one line per case, the final
// count, exit codes, and the YAML format's features.
import { beforeAll, describe, expect, it } from "vitest";
import { edict, ensureBuilt, tempFiles } from "./support.js";

beforeAll(() => ensureBuilt());

const POLICY = `policy t.ports "Only TLS ports."

input service: { name: string, ports: list<int> }

deny plain_http {
  for p in service.ports
  when p == 80
  message "\${service.name} listens on port 80"
}

warn high_port {
  for p in service.ports
  when p > 10000
}
`;

const PASSING = `policy: ports.edict
cases:
  - name: https only is allowed
    input: { service: { name: web, ports: [443] } }
    expect: allow
    violations: []
  - name: port 80 is denied
    input: { service: { name: web, ports: [443, 80] } }
    expect: deny
    violations: [plain_http]
  - name: high ports warn
    input_file: fixtures/high.json
    expect: allow
    warnings: [high_port]
  - name: high ports from yaml
    input_file: fixtures/high.yaml
    expect: allow
    warnings: [high_port, high_port]
  - name: a string port is invalid input
    input: { service: { name: web, ports: ["80"] } }
    expect: deny
    error: input_invalid
  - name: a tiny fuel budget runs out
    fuel: 2
    input: { service: { name: web, ports: [1, 2, 3] } }
    expect: deny
    error: fuel_exhausted
`;

const FAILING = `policy: ../ports.edict
now: "2026-11-23T10:00:00Z"
cases:
  - name: wrong decision
    input: { service: { name: web, ports: [80] } }
    expect: allow
  - name: right decision
    input: { service: { name: web, ports: [80] } }
    expect: deny
  - name: wrong violations
    input: { service: { name: web, ports: [80, 80] } }
    expect: deny
    violations: [plain_http]
  - name: missing error
    input: { service: { name: web, ports: [443] } }
    expect: deny
    error: fuel_exhausted
  - name: unexpected error
    input: { service: { name: web } }
    expect: deny
`;

function setup(extra: Record<string, string> = {}) {
  return tempFiles({
    "ports.edict": POLICY,
    "ports.test.yaml": PASSING,
    "fixtures/high.json": JSON.stringify({ service: { name: "db", ports: [443, 20000] } }),
    "fixtures/high.yaml": "service:\n  name: db\n  ports: [20000, 30000]\n",
    ...extra,
  });
}

describe("edict test", () => {
  it("prints a line per case and the totals; exit 0 when all pass", () => {
    const dir = setup();
    const run = edict(["test", "ports.test.yaml"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toEqual([
      "✓ ports.test.yaml › https only is allowed",
      "✓ ports.test.yaml › port 80 is denied",
      "✓ ports.test.yaml › high ports warn",
      "✓ ports.test.yaml › high ports from yaml",
      "✓ ports.test.yaml › a string port is invalid input",
      "✓ ports.test.yaml › a tiny fuel budget runs out",
      "6 passed, 0 failed",
      "",
    ]);
    expect(run.status).toBe(0);
  });

  it("finds test files in directories, explains each failure, and exits 1", () => {
    const dir = setup({ "more/failing.test.yaml": FAILING });
    const run = edict(["test", "."], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain("✗ more/failing.test.yaml › wrong decision (expected allow, got deny; violations [plain_http])");
    expect(lines).toContain("✓ more/failing.test.yaml › right decision");
    expect(lines).toContain("✗ more/failing.test.yaml › wrong violations (expected violations [plain_http], got [plain_http, plain_http])");
    expect(lines).toContain("✗ more/failing.test.yaml › missing error (expected error fuel_exhausted, got none (allow; violations []))");
    expect(lines.find((l) => l.startsWith("✗ more/failing.test.yaml › unexpected error"))).toMatch(
      /\(expected deny, got deny with error input_invalid: .*service\.ports/,
    );
    expect(lines.filter((l) => l.startsWith("✓ ports.test.yaml"))).toHaveLength(6);
    expect(lines.at(-1)).toBe("7 passed, 4 failed");
  });

  it("reports a broken test file as a failure of that file", () => {
    const dir = setup({
      "bad-yaml.test.yaml": "policy: ports.edict\ncases: [ {",
      "no-policy.test.yaml": "policy: nowhere.edict\ncases:\n  - { name: x, input: {}, expect: allow }\n",
      "bad-key.test.yaml": "policy: ports.edict\ncases:\n  - { name: x, input: {}, expect: allow, expected: deny }\n",
    });
    const run = edict(["test", "bad-yaml.test.yaml", "no-policy.test.yaml", "bad-key.test.yaml"], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^✗ bad-yaml\.test\.yaml \(.+\)$/);
    expect(lines[1]).toMatch(/^✗ no-policy\.test\.yaml \(policy nowhere\.edict cannot be read\)$/);
    expect(lines[2]).toMatch(/^✗ bad-key\.test\.yaml \(.*unknown key "expected"/);
    expect(lines.at(-1)).toBe("0 passed, 3 failed");
  });

  it("shows the policy's compile errors and fails the file", () => {
    const dir = setup({ "ports.edict": `policy t.ports\ninput service: { ports: list<int> }\ndeny r { when service.port == 1 }\n` });
    const run = edict(["test", "ports.test.yaml"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ports\.edict:3:\d+: error: unknown field 'port'/m);
    expect(run.stdout).toMatch(/^✗ ports\.test\.yaml \(policy ports\.edict does not compile/m);
  });

  it("exits 1 when there are no test files", () => {
    const dir = tempFiles({ "readme.txt": "nothing here" });
    const run = edict(["test", "."], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no *.test.yaml files");
  });

  it("runs the examples", () => {
    const run = edict(["test", "examples"]);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(run.status).toBe(0);
  });
});
