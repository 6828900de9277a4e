// A table of expressions evaluated as outputs by both engines: equal
// outputs, errors and fuel. Covers every construct the backend lowers
// (macros, optionals, literals, logic, dispatch on dyn, lets, fns).

import { describe, expect, test } from "vitest";
import { both } from "./support/harness.js";

const PRELUDE = `
input n: int
input s: string
input xs: list<int>
input m: map<string, int>
input d: dyn
input r: { a: int, b?: string, c?: { d?: bool } }
let twice = n * 2
fn inc(x: int): int = x + 1
fn pick(b: bool, x: dyn, y: dyn): dyn = b ? x : y
`;

const INPUT = {
  n: 3,
  s: "héllo/wörld",
  xs: [3, 1, 2],
  m: { b: 2, a: 1, "ä": 3 },
  d: { k: [1, "two", { three: 3 }], t: true },
  r: { a: 1, c: {} },
};

const EXPRESSIONS = [
  "n + 1", "n - 10", "n * n", "n / 2", "n % 2", "-n", "!true", "n > 2 && n < 5", "n < 2 || n > 5",
  "dyn(n) == 3.0", "dyn(n) == 3u", "xs == [3, 1, 2]", "m == {'a': 1, 'b': 2, 'ä': 3}", "1 / (n - 3)",
  "s + '!'", "size(s)", "s.size()", "s.startsWith('hé')", "s.endsWith('x')", "s.contains('/')",
  "s.split('/')", "s.split('/')[1]", "s.split('/')[5]", "['a', 'b'].join('-')", "s.lowerAscii()", "s.upperAscii()",
  "s.indexOf('l')", "s.lastIndexOf('l')", "s.substring(1, 4)", "s.charAt(1)", "s.replace('l', 'L')", "s.reverse()",
  "'  x '.trim()", "'%s and %d'.format(['a', 5])", "strings.quote('a\"b')",
  "xs.all(x, x > 0)", "xs.exists(x, x > 2)", "xs.exists_one(x, x > 1)", "xs.map(x, x * 2)", "xs.map(x, x > 1, x * 10)",
  "xs.filter(x, x != 1)", "m.all(k, m[k] > 0)", "m.map(k, k)", "m.filter(k, m[k] > 1)", "xs.exists(x, 1 / (x - 1) > 0)",
  "xs.all(x, 1 / (x - 1) > 0)", "xs.all(x, 10 / (x - 3) > 0)", "[1, 0].exists(x, 1 / x == 1)",
  "xs.all(i, v, v > i)", "xs.exists(i, v, i == v)", "m.existsOne(k, v, v == 2)", "xs.transformList(i, v, i + v)",
  "xs.transformList(i, v, v > 1, v)", "m.transformMap(k, v, v + 1)", "m.transformMapEntry(k, v, {v: k})",
  "cel.bind(y, n + 1, y * y)", "cel.bind(y, 1 / 0, 5)", "cel.bind(y, 1 / 0, y)",
  "has(r.b)", "has(r.c)", "has(r.c.d)", "r.?b", "r.?a", "r.?b.orValue('none')", "r.?c.?d.orValue(false)",
  "xs[?1]", "xs[?7]", "m[?'a']", "m[?'z'].hasValue()", "optional.of(1).optMap(x, x + 1)", "optional.none().optMap(x, x + 1)",
  "optional.of(2).optFlatMap(x, optional.of(x * 3))", "[1, ?optional.none(), ?optional.of(2)]", "{'a': 1, ?'b': optional.none()}",
  "{'a': 1, 'a': 2}", "{1: 'x', 1u: 'y'}", "[[1], [2, 3]]", "{'k': [1, {'z': true}]}",
  "d.k[0]", "d.k[1]", "d.k[2].three", "d.t", "d.nope", "d.k[0] + 1.0", "d.k[1] + '!'", "d.k.size()", "type(d.k)",
  "type(n) == int", "type(d) == map", "string(n)", "string(1.5)", "int('42')", "double(n)", "uint(n)", "int('x')",
  "n > 2 ? 'big' : 'small'", "d.t ? 1 : 2", "d.k ? 1 : 2", "twice + twice", "inc(inc(n))", "pick(n > 1, 'yes', 0)",
  "timestamp('2026-01-02T03:04:05Z') + duration('1h')", "timestamp('2026-01-02T03:04:05Z').getHours()",
  "duration('90m').getMinutes()", "now > timestamp('2020-01-01T00:00:00Z')", "string(duration('1.5s'))",
  "math.greatest(1, 5, 3)", "math.least([4, 2, 8])", "math.abs(-5)", "math.sign(-2.5)", "math.sqrt(16)",
  "math.ceil(1.2)", "math.isNaN(0.0 / 0.0)", "math.bitAnd(6, 3)", "math.bitShiftLeft(1, 4)",
  "net.host('https://Ex.COM:443/x')", "net.port('http://a')", "net.isLoopback('127.0.0.5')",
  "semver.compare('1.2.3', '1.10.0')", "semver.satisfies('1.4.0', '^1.2')", "rollout.bucket('agent-1', 'salt')",
  "sum(xs)", "sum([1.5, 2.5])", "9223372036854775807 + 1", "b'abc'", "bytes('é')", "size(b'abc')",
  "'a' in ['a', 'b']", "'z' in m", "2 in xs", "m['a'] + m['ä']", "m['zz']", "xs[dyn(1u)]", "xs[dyn(1.0)]", "xs[dyn(1.5)]", "xs[-1]",
  "1.0 / 0.0", "-1.0 / 0.0", "9007199254740993", "18446744073709551615u",
];

describe("expressions agree with the interpreter", () => {
  test.each(EXPRESSIONS)("%s", async (expr) => {
    const source = `${PRELUDE}\noutput value = ${expr}`;
    const [wasm, interpreted] = await both(source, INPUT);
    expect(wasm).toEqual(interpreted);
  });
});
