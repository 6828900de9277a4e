// Golden tables for bare expressions: source -> printed form, and source ->
// diagnostics (code, message, and the exact text under the caret).

import { describe, expect, it } from "vitest";
import { parseExpression, printExpr } from "../../grammar/index.js";
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
