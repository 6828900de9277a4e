// Golden tables: source -> printed form, and source -> diagnostics
// (code, message, and the exact text under the caret).

import { describe, expect, it } from "vitest";
import { parseExpression, parsePolicy, printExpr, printPolicy } from "../../grammar/index.js";
import type { RawDiagnostic } from "../../compiler/diagnostics.js";

function shown(source: string, diagnostics: RawDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.message} @ ${JSON.stringify(source.slice(d.span.start, d.span.end))}`);
}

function expectPrinted(source: string, printed: string): void {
  const { expr, diagnostics } = parseExpression(source);
  expect(shown(source, diagnostics)).toEqual([]);
  expect(printExpr(expr!)).toBe(printed);
}

const printedExpressions: [string, string][] = [
  // precedence and associativity
  ["1 + 2 * 3", "1 + 2 * 3"],
  ["(1 + 2) * 3", "(1 + 2) * 3"],
  ["1 - (2 - 3)", "1 - (2 - 3)"],
  ["(1 - 2) - 3", "1 - 2 - 3"],
  ["a || b && c", "a || b && c"],
  ["(a || b) && c", "(a || b) && c"],
  ["a && b || c && d", "a && b || c && d"],
  ["a < b == c", "a < b == c"],
  ["a == (b < c)", "a == (b < c)"],
  ["x in [1, 2] && y in {'k': 1}", 'x in [1, 2] && y in {"k": 1}'],
  ["a + b in c", "a + b in c"],
  ["a ? b : c ? d : e", "a ? b : c ? d : e"],
  ["(a ? b : c) ? d : e", "(a ? b : c) ? d : e"],
  ["a ? (b ? c : d) : e", "a ? (b ? c : d) : e"],
  ["a || b ? c : d", "a || b ? c : d"],
  ["false && !true || false ? 2 : 3", "false && !true || false ? 2 : 3"],
  ["-a * b", "-a * b"],
  ["-(a * b)", "-(a * b)"],
  ["!a.b", "!a.b"],
  ["!!a", "!!a"],
  ["--a", "--a"],
  ["!(-a)", "!(-a)"],
  ["(a + b).size()", "(a + b).size()"],
  // negative literals fold; a parenthesised number does not
  ["-1", "-1"],
  ["-(1)", "-(1)"],
  ["--1", "-(-1)"],
  ["4--4", "4 - -4"],
  ["-9223372036854775808", "-9223372036854775808"],
  ["-1.abs()", "(-1).abs()"],
  ["-2.5", "-2.5"],
  // number literals
  ["0x1F", "31"],
  ["0x1Fu", "31u"],
  ["18446744073709551615u", "18446744073709551615u"],
  ["1e3", "1000.0"],
  [".5", "0.5"],
  ["1.5e-7", "1.5e-7"],
  ["1.e5", "1.e5"],
  ["23.39", "23.39"],
  // strings and bytes
  ["'single'", '"single"'],
  ['"""tri"ple\nline"""', '"tri\\"ple\\nline"'],
  ["'''x'''", '"x"'],
  ['r"\\d+\\."', '"\\\\d+\\\\."'],
  ["R'a\\'", '"a\\\\"'],
  ['"\\a\\b\\f\\n\\r\\t\\v\\\\\\\'\\"\\`\\?"', '"\\x07\\x08\\x0c\\n\\r\\t\\x0b\\\\\'\\"`?"'],
  ['"\\xC3\\XBF"', '"Ã¿"'],
  ['"\\303\\277"', '"Ã¿"'],
  ['"\\u263A\\U0001F600"', '"☺😀"'],
  ['"😁" in ["😁", "😑"]', '"😁" in ["😁", "😑"]'],
  ['b"\\xff\\000"', 'b"\\xff\\x00"'],
  ['b"ÿ"', 'b"\\xc3\\xbf"'],
  ['b"\\u00ff"', 'b"\\xc3\\xbf"'],
  ['b"abc" + B"def"', 'b"abc" + b"def"'],
  ["br'\\x'", 'b"\\\\x"'],
  // lists, maps, messages, optionals
  ["[1, 2,]", "[1, 2]"],
  ["[,]", "[]"],
  ["{'a': 1,}", '{"a": 1}'],
  ["{a ? b : c: d}", "{(a ? b : c): d}"],
  ["[?a, b]", "[?a, b]"],
  ["{?k: v}", "{?k: v}"],
  ["x.?f.g[?k]", "x.?f.g[?k]"],
  ["x.`a-b`.`c d`", "x.`a-b`.`c d`"],
  ["a.b.C{f: 1, ?g: 2,}", "a.b.C{f: 1, ?g: 2}"],
  ["Msg{`in`: true}", "Msg{`in`: true}"],
  [".a.b", ".a.b"],
  [".f(x)", ".f(x)"],
  ["x.`true`", "x.`true`"],
  // Edict's keywords are names inside expressions
  ["x.message + x.type", "x.message + x.type"],
  ['{"input": 1}.input', '{"input": 1}.input'],
  ["deny || allow || warn", "deny || allow || warn"],
  ["type(x) == int", "type(x) == int"],
  // macros stay calls
  ["has(a.b) && x.all(y, y > 0)", "has(a.b) && x.all(y, y > 0)"],
  ["[1, 2].map(x, x * 2).filter(y, y % 2 == 0)", "[1, 2].map(x, x * 2).filter(y, y % 2 == 0)"],
  ["cel.bind(t, 1, t + t)", "cel.bind(t, 1, t + t)"],
  ["// comment\n a /* inline */ + b", "a + b"],
];

const expressionErrors: [string, string[]][] = [
  ["a &&", [`E0011 expected an expression after '&&' @ ""`]],
  ["1 +* 2", [`E0011 expected an expression after '+', found '*' @ "*"`]],
  ["(a", [`E0012 expected ')' to close the '(' at column 1 @ ""`]],
  ["f(a, b", [`E0012 expected ')' to close the '(' at column 2 @ ""`]],
  ["[1, 2", [`E0012 expected ']' to close the list started at column 1 @ ""`]],
  ["{1: 2", [`E0012 expected '}' to close the map started at column 1 @ ""`]],
  ["{a}", [`E0010 expected ':' after 'a', found '}' @ "}"`]],
  ["a b", [`E0013 unexpected 'b' after the end of the expression @ "b"`]],
  ["f(a)(b)", [`E0013 unexpected '(' after the end of the expression @ "("`]],
  ["a ? b ? c : d : e", [`E0010 expected ':' after 'b', found '?' @ "?"`]],
  ["x.", [`E0010 expected a name or a quoted field name after '.', found the end of the expression @ ""`]],
  ["self.true == 1", [`E0010 expected a name or a quoted field name after '.', found 'true' @ "true"`]],
  ["-!a", [`E0011 expected an expression after '-', found '!' @ "!"`]],
  ["", [`E0011 expected an expression @ ""`]],
  ["in", [`E0011 expected an expression, found 'in' @ "in"`]],
  ['"abc', [`E0002 unterminated string literal @ "\\"abc"`]],
  ["'''abc", [`E0002 unterminated string literal @ "'''abc"`]],
  ["/* x", [`E0003 unterminated comment: '/*' is never closed with '*/' @ "/*"`]],
  ["1 + $", [`E0001 unexpected character '$' @ "$"`]],
  ["a | b", [`E0001 unexpected character '|' @ "|"`]],
  ['"\\q"', [`E0004 invalid escape sequence '\\q' @ "\\\\q"`]],
  ['"\\>"', [`E0004 invalid escape sequence '\\>' @ "\\\\>"`]],
  ['"\\xFh"', [`E0004 invalid escape '\\xF': \\x needs two hex digits @ "\\\\x"`]],
  ['"\\udead"', [`E0004 invalid unicode code point '\\udead' (a surrogate) @ "\\\\udead"`]],
  ['"\\U00110000"', [`E0004 invalid unicode code point '\\U00110000' (above U+10FFFF) @ "\\\\U00110000"`]],
  ['"\\400"', [`E0004 invalid escape sequence '\\4' @ "\\\\4"`]],
  ['"\\08"', [`E0004 invalid octal escape: '\\' followed by a digit needs three octal digits (\\000 to \\377) @ "\\\\0"`]],
  ["9223372036854775808", [`E0005 integer literal 9223372036854775808 is out of range for int (64-bit signed) @ "9223372036854775808"`]],
  ["-9223372036854775809", [`E0005 integer literal -9223372036854775809 is out of range for int (64-bit signed) @ "-9223372036854775809"`]],
  ["0xFFFFFFFFFFFFFFFFF", [`E0005 integer literal 0xFFFFFFFFFFFFFFFFF is out of range for int (64-bit signed) @ "0xFFFFFFFFFFFFFFFFF"`]],
  ["18446744073709551616u", [`E0005 integer literal 18446744073709551616u is out of range for uint (64-bit unsigned) @ "18446744073709551616u"`]],
  ["1.99e90000009", [`E0005 double literal 1.99e90000009 is out of range @ "1.99e90000009"`]],
  ["var", [`E0021 'var' is a reserved word in CEL and cannot be used as a name @ "var"`]],
  ["[1, 2, 3].map(var, var * var)", [
    `E0021 'var' is a reserved word in CEL and cannot be used as a name @ "var"`,
    `E0021 'var' is a reserved word in CEL and cannot be used as a name @ "var"`,
    `E0021 'var' is a reserved word in CEL and cannot be used as a name @ "var"`,
  ]],
  ["f(x){a: 1}", [`E0022 '{' here would construct a message, but it does not follow a type name @ "{"`]],
  ["a.?f()", [`E0023 a method call cannot use '.?': write '.f(...)' @ "f"`]],
  ["a.`b-c`()", [`E0023 a method name cannot be quoted with backticks @ "\`b-c\`"`]],
];

describe("expressions", () => {
  it.each(printedExpressions)("%j prints as %j", (source, printed) => expectPrinted(source, printed));

  it.each(expressionErrors)("%j is rejected", (source, expected) => {
    const { diagnostics } = parseExpression(source);
    expect(shown(source, diagnostics)).toEqual(expected);
  });

  it.each([
    ["a and b", "CEL writes 'and' as '&&'"],
    ["x == 1 or y", "CEL writes 'or' as '||'"],
    ["a = b", "use '==' to compare values"],
    ["a & b", "CEL writes 'and' as '&&'"],
    ["a | b", "CEL writes 'or' as '||'"],
    ["a b", "is an operator or a comma missing?"],
    ["-!a", "CEL needs parentheses to combine '-' and '!': write -(!x) or !(-x)"],
  ])("%j gets the hint %j", (source, help) => {
    expect(parseExpression(source).diagnostics.map((d) => d.help)).toEqual([help]);
  });

  it("keeps literal values exact", () => {
    const value = (s: string) => {
      const e = parseExpression(s).expr;
      return e?.kind === "literal" ? e.value : null;
    };
    expect(value("-9223372036854775808")).toEqual({ type: "int", value: -9223372036854775808n });
    expect(value("18446744073709551615u")).toEqual({ type: "uint", value: 18446744073709551615n });
    expect(value('"\\xff"')).toEqual({ type: "string", value: "\u00ff" });
    expect(value('b"\\xff\\377"')).toEqual({ type: "bytes", value: Uint8Array.from([255, 255]) });
    expect(value('b"\\u00ff"')).toEqual({ type: "bytes", value: Uint8Array.from([0xc3, 0xbf]) });
    expect(value("-0.0")).toEqual({ type: "double", value: -0 });
    expect(Object.is((value("-0.0") as { value: number }).value, -0)).toBe(true);
  });
});

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
