// Golden tables for policy files: source -> canonical printed form, and
// source -> diagnostics (code, message, and the exact text under the caret).

import { describe, expect, it } from "vitest";
import type { RawDiagnostic } from "../../compiler/diagnostics.js";
import { parsePolicy, printPolicy } from "../../grammar/index.js";

function shown(source: string, diagnostics: RawDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.message} @ ${JSON.stringify(source.slice(d.span.start, d.span.end))}`);
}

const SPEC_POLICY = `policy otel.no_debug_in_production "No debug exporter in production."

input agent: Agent
input config: Collector

type Agent = { id: string, labels: map<string, string> }
type Collector = {
  exporters: map<string, dyn>,
  service: { pipelines: map<string, Pipeline> },
}
type Pipeline = { receivers: list<string>, processors?: list<string>, exporters: list<string> }

let is_prod = agent.labels["env"] == "production"

fn kind(id: string): string = id.split("/")[0]

deny debug_exporter_in_production {
  for name, p in config.service.pipelines
  for id in p.exporters
  when is_prod && kind(id) == "debug"
  message "pipeline \${name} sends to debug exporter \${id} in production"
}
`;

const SPEC_PRINTED = `policy otel.no_debug_in_production "No debug exporter in production."

input agent: Agent

input config: Collector

type Agent = { id: string, labels: map<string, string> }

type Collector = { exporters: map<string, dyn>, service: { pipelines: map<string, Pipeline> } }

type Pipeline = { receivers: list<string>, processors?: list<string>, exporters: list<string> }

let is_prod = agent.labels["env"] == "production"

fn kind(id: string): string = id.split("/")[0]

deny debug_exporter_in_production {
  for name, p in config.service.pipelines
  for id in p.exporters
  when is_prod && kind(id) == "debug"
  message "pipeline \${name} sends to debug exporter \${id} in production"
}
`;

const printedPolicies: [string, string, string][] = [
  ["the spec's first policy", SPEC_POLICY, SPEC_PRINTED],
  [
    "every declaration form",
    `policy a.b
input previous: Collector?
type T = { a: int, b?: optional<string>, \`c-d\`: list<map<string, dyn>>, }
const limit = 60
let xs = [1, 2, 3]
fn twice(x: int, y: int,): int = x * 2
output total = xs.size()
warn w { when false }
allow ok {}
deny late {
  expires "2026-01-01T00:00:00Z"
  unless x.message == "a"
  when true
  message 'cost: $$\${x}\\n\${ {"k}": "v"}["k}"] }'
}
`,
    `policy a.b

input previous: Collector?

type T = { a: int, b?: optional<string>, \`c-d\`: list<map<string, dyn>> }

const limit = 60

let xs = [1, 2, 3]

fn twice(x: int, y: int): int = x * 2

output total = xs.size()

warn w {
  when false
}

allow ok {
}

deny late {
  when true
  unless x.message == "a"
  expires "2026-01-01T00:00:00Z"
  message "cost: $$\${x}\\n\${{"k}": "v"}["k}"]}"
}
`,
  ],
  [
    "keywords used as names",
    `policy type.message
input input: map<string, dyn>
let type = input.type
fn message(for_: int): int = for_
deny deny { when type == message(1) message "m" }
`,
    `policy type.message

input input: map<string, dyn>

let type = input.type

fn message(for_: int): int = for_

deny deny {
  when type == message(1)
  message "m"
}
`,
  ],
];

const policyErrors: [string, string, string[]][] = [
  [
    "one error per broken declaration",
    `policy acme.bad

input agent: Agent
type Agent = { id: string, labels: map<string, string>

let prod = agent.labels["env"] == "production" &&
fn kind(id: string): string = id.split("/")[0]

deny debug {
  for id in agent.labels
  when prod && kind(id) == "debug"

warn w {
  when true
  when false
  message "costs $5"
}
const c = 1 2
output o = [1, 2
allow a { when x message "ok" }
`,
    [
      `E0012 expected '}' to close the record type started at line 4 @ ""`,
      `E0011 expected an expression after '&&' @ ""`,
      `E0012 expected '}' to close the rule started at line 9 @ ""`,
      `E0032 a rule has at most one 'when' clause; the first is at line 14 @ "when"`,
      `E0043 a '$' in a message must be written '$$' (or start a '\${...}' hole) @ "$"`,
      `E0013 unexpected '2' after the end of the declaration @ "2"`,
      `E0012 expected ']' to close the list started at line 19 @ ""`,
    ],
  ],
  [
    "bad template holes",
    `policy p
deny r {
  message "a \${x + } b \${} c \${f(} d \${"}"} e \${y"
}
`,
    [
      `E0011 expected an expression after '+' @ ""`,
      `E0042 empty '\${}' in the message: put an expression inside @ "\${}"`,
      `E0012 expected ')' to close the '(' at line 3 @ ""`,
      `E0041 '\${' in the message is never closed with '}' @ "\${"`,
    ],
  ],
  [
    "each broken clause of a rule",
    `policy p
deny r {
  for x in xs
  when x > && y
  unless (z
  message "a \${x + } b"
}
deny s { when a b }
deny t { x > 1 }
deny u {
  when true
}}
deny v {
  when {"a": 1}.a
  message "\${v.}"
let after = 1
`,
    [
      `E0011 expected an expression after '>', found '&&' @ "&&"`,
      `E0012 expected ')' to close the '(' at line 5 @ ""`,
      `E0011 expected an expression after '+' @ ""`,
      `E0013 unexpected 'b' after the end of the clause @ "b"`,
      `E0010 expected a clause (for, when, unless, expires, message) or '}', found 'x' @ "x"`,
      `E0013 unexpected '}' after the end of the rule @ "}"`,
      `E0010 expected a name or a quoted field name after '.', found the '}' closing the hole @ ""`,
      `E0012 expected '}' to close the rule started at line 13 @ ""`,
    ],
  ],
  [
    "a rule with a lexer error still reports its other clauses",
    'policy p\ndeny r {\n  when a # b\n  message "x ${y +}"\n}\n',
    [`E0001 unexpected character '#' @ "#"`, `E0011 expected an expression after '+' @ ""`],
  ],
  ["missing header", "let x = 1\n", [`E0030 a policy file must start with 'policy NAME' @ "let"`]],
  [
    "two headers",
    "policy a\npolicy b\nlet x = 1\n",
    [`E0031 a file holds one policy: this second 'policy' header is not allowed @ "policy"`],
  ],
  ["garbage before the first declaration", "1 + 2\npolicy a\n", [`E0015 expected a declaration, found '1' @ "1"`]],
  [
    "declarations missing their = or {",
    "policy a\nlet x 1\ndeny r when x\nlet y = 2\n",
    [`E0010 expected '=' after 'x', found '1' @ "1"`, `E0010 expected '{' after 'r', found 'when' @ "when"`],
  ],
  [
    "reserved words as names",
    "policy a\nlet var = 1\nfn f(if: int): int = 1\ndeny r { for while in xs }\n",
    [
      `E0021 'var' is a reserved word in CEL and cannot be used as a variable name @ "var"`,
      `E0021 'if' is a reserved word in CEL and cannot be used as a parameter name @ "if"`,
      `E0021 'while' is a reserved word in CEL and cannot be used as a loop variable name @ "while"`,
    ],
  ],
  ["a bad type", "policy a\ninput x: 5\n", [`E0014 expected a type after ':', found '5' @ "5"`]],
  ["an unterminated message", 'policy a\ndeny r {\n  message "abc\n}\n', [`E0040 unterminated message string @ "\\""`]],
];

describe("policies", () => {
  it.each(printedPolicies)("%s prints canonically", (_, source, printed) => {
    const { ast, diagnostics } = parsePolicy("golden.edict", source);
    expect(shown(source, diagnostics)).toEqual([]);
    expect(printPolicy(ast!)).toBe(printed);
  });

  it.each(policyErrors)("%s", (_, source, expected) => {
    const { diagnostics } = parsePolicy("golden.edict", source);
    expect(shown(source, diagnostics)).toEqual(expected);
  });

  it("keeps the good clauses of a broken rule", () => {
    const { ast } = parsePolicy("p.edict", "policy a\ndeny r {\n  for x in xs\n  when x >\n  message \"m\"\n}\n");
    const rule = ast!.decls[0]!;
    expect(rule.kind === "rule" && [rule.fors.length, rule.when, rule.message?.parts]).toEqual([1, null, [expect.objectContaining({ text: "m" })]]);
  });

  it("keeps the declarations that parsed when others did not", () => {
    const { ast } = parsePolicy("p.edict", "policy a\nlet x = (\nlet y = 2\ndeny r { when y > 1 }\n");
    expect(ast!.decls.map((d) => d.name.name)).toEqual(["y", "r"]);
  });
});
