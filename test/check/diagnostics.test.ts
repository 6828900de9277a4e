// Golden diagnostics: one case (at least) for every code the checker emits,
// asserting the code, the 1-based line:column and the message.

import { describe, expect, it } from "vitest";
import { checkSource, policy } from "./helpers.js";

const cases: [string, string, { code: string; at: string; message: string }[]][] = [
  ["unknown name", policy("input agent: { id: string }", "output o = agnt.id"), [{ code: "E0101", at: "3:12", message: "unknown name 'agnt'; did you mean 'agent'?" }]],
  ["unknown field", policy("input agent: { id: string }", "output o = agent.name"), [{ code: "E0102", at: "3:18", message: "unknown field 'name' on { id: string }; did you mean 'id'?" }]],
  [
    "unknown field of a named record, near miss",
    policy("type Pipeline = { receivers: list<string>, exporters: list<string> }", "input p: Pipeline", "output o = p.exporter"),
    [{ code: "E0102", at: "4:14", message: "unknown field 'exporter' on { receivers: list<string>, exporters: list<string> }; did you mean 'exporters'?" }],
  ],
  ["operator on wrong types", policy('output o = 1 + "a"'), [{ code: "E0103", at: "2:14", message: "found no matching overload for '_+_' applied to int + string" }]],
  ["global function on wrong type", policy("output o = size(1)"), [{ code: "E0103", at: "2:12", message: "found no matching overload for 'size' applied to size(int)" }]],
  ["method on wrong argument", policy('output o = "abc".contains(1)'), [{ code: "E0103", at: "2:12", message: "found no matching overload for 'contains' applied to string.contains(int)" }]],
  ["heterogeneous equality is a type error, as in CEL", policy("output o = 1 == 1.0"), [{ code: "E0103", at: "2:14", message: "found no matching overload for '_==_' applied to int == double" }]],
  ["ternary branches differ", policy('output o = true ? 1 : "a"'), [{ code: "E0103", at: "2:12", message: "the branches of '?:' have different types: int and string" }]],
  ["unknown namespaced function", policy("output o = math.abss(1)"), [{ code: "E0104", at: "2:17", message: "unknown function 'math.abss'; did you mean 'math.abs'?" }]],
  ["unknown function", policy("output o = frobnicate(1)"), [{ code: "E0104", at: "2:12", message: "unknown function 'frobnicate'" }]],
  ["unknown method", policy('output o = "abc".startWith("a")'), [{ code: "E0104", at: "2:18", message: "unknown method 'startWith'; did you mean 'startsWith'?" }]],
  ["fn called as a method", policy("fn f(a: int): int = a", "output o = (1).f()"), [{ code: "E0104", at: "3:16", message: "'f' is not a method: call it as f(x, ...)" }]],
  ["method called as a function", policy('output o = startsWith("a", "b")'), [{ code: "E0104", at: "2:12", message: "'startsWith' is a method: call it as x.startsWith(...)" }]],
  ["fn arity", policy("fn f(a: int): int = a + 1", "output o = f(1, 2)"), [{ code: "E0105", at: "3:12", message: "function 'f' takes 1 argument, got 2" }]],
  ["library function arity", policy("output o = size(1, 2)"), [{ code: "E0105", at: "2:12", message: "'size' takes 1 argument, got 2" }]],
  ["method arity", policy('output o = "a".startsWith()'), [{ code: "E0105", at: "2:12", message: "'startsWith' takes 1 argument, got 0" }]],
  ["fn argument type", policy("fn f(a: int): int = a + 1", 'output o = f("x")'), [{ code: "E0106", at: "3:14", message: "argument 'a' of 'f' must be int, got string" }]],
  ["fn result type", policy("fn f(a: int): string = a + 1"), [{ code: "E0107", at: "2:24", message: "fn 'f' is declared to return string but its body is int" }]],
  ["when not bool", policy("input x: int", "deny r {", "  when x + 1", "}"), [{ code: "E0108", at: "4:8", message: "`when` must be bool, got int" }]],
  ["unless not bool", policy("input x: int", "deny r {", '  unless "s"', "}"), [{ code: "E0108", at: "4:10", message: "`unless` must be bool, got string" }]],
  ["&& operand not bool", policy("output o = 1 && true"), [{ code: "E0108", at: "2:12", message: "operand of '&&' must be bool, got int" }]],
  ["macro predicate not bool", policy("output o = [1].all(x, x)"), [{ code: "E0108", at: "2:23", message: "the predicate of all() must be bool, got int" }]],
  ["for over a scalar", policy("input x: int", "deny r {", "  for a in x", "}"), [{ code: "E0109", at: "4:12", message: "cannot iterate over int" }]],
  ["comprehension over a scalar", policy("output o = 5.exists(x, x > 1)"), [{ code: "E0109", at: "2:12", message: "cannot iterate over int" }]],
  ["duplicate let", policy("let a = 1", "let a = 2"), [{ code: "E0110", at: "3:5", message: "'a' is already declared on line 2" }]],
  ["input and let share a name", policy("input a: int", "let a = 2"), [{ code: "E0110", at: "3:5", message: "'a' is already declared on line 2" }]],
  ["duplicate rule", policy("deny r {", "}", "warn r {", "}"), [{ code: "E0110", at: "4:6", message: "'r' is already declared on line 2" }]],
  ["redeclared now", policy("let now = 1"), [{ code: "E0110", at: "2:5", message: "'now' is predeclared (the evaluation instant) and cannot be redeclared" }]],
  ["duplicate fn parameter", policy("fn f(a: int, a: int): int = a"), [{ code: "E0110", at: "2:14", message: "parameter 'a' is declared twice" }]],
  ["unknown type", policy("input x: Agnet", "type Agent = { id: string }"), [{ code: "E0111", at: "2:10", message: "unknown type 'Agnet'; did you mean 'Agent'?" }]],
  ["recursive types", policy("type A = { b: B }", "type B = { a: A }", "input x: A"), [{ code: "E0112", at: "3:15", message: "recursive type: A -> B -> A" }]],
  ["self-recursive type", policy("type T = { children: list<T> }"), [{ code: "E0112", at: "2:27", message: "recursive type: T -> T" }]],
  [
    "mutual fn recursion",
    policy("fn f(a: int): int = g(a)", "fn g(a: int): int = f(a)", "output o = f(1)"),
    [{ code: "E0113", at: "3:21", message: "recursion is not allowed: functions call each other in a cycle: fn f -> fn g -> fn f" }],
  ],
  ["direct fn recursion", policy("fn f(a: int): int = f(a - 1)"), [{ code: "E0113", at: "2:21", message: "recursion is not allowed: fn f calls itself" }]],
  [
    "let cycle",
    policy("let a = b + 1", "let b = a + 1", "output o = a"),
    [{ code: "E0113", at: "3:9", message: "recursion is not allowed: declarations refer to each other in a cycle: let a -> let b -> let a" }],
  ],
  [
    "let and fn cycle",
    policy("let a = f(1)", "fn f(x: int): int = x + a"),
    [{ code: "E0113", at: "2:9", message: "recursion is not allowed: declarations refer to each other in a cycle: fn f -> let a -> fn f" }],
  ],
  ["const cycle", policy("const a = b", "const b = a"), [{ code: "E0113", at: "3:11", message: "recursion is not allowed: declarations refer to each other in a cycle: const a -> const b -> const a" }]],
  ["const reads an input", policy("input x: int", "const c = x + 1"), [{ code: "E0114", at: "3:11", message: "const 'c' must be constant, but it reads input 'x'" }]],
  ["const reads now", policy("const c = now"), [{ code: "E0114", at: "2:11", message: "const 'c' must be constant, but it reads 'now' (the evaluation instant)" }]],
  ["const reads a let", policy("let l = 1", "const c = l"), [{ code: "E0114", at: "3:11", message: "const 'c' must be constant, but it reads let 'l'" }]],
  ["const evaluation fails", policy("const c = 1 / 0"), [{ code: "E0115", at: "2:11", message: "const 'c' could not be evaluated: division by zero" }]],
  ["bad expires", policy("deny r {", '  expires "2026-13-01"', "}"), [{ code: "E0116", at: "3:11", message: 'expires "2026-13-01" is not an RFC 3339 timestamp' }]],
  ["message hole without string()", policy("input x: list<string>", "deny r {", '  message "bad ${x}"', "}"), [{ code: "E0117", at: "4:18", message: "cannot interpolate a value of type list<string>: string() has no overload for it" }]],
  ["message construction", policy("output o = Foo{a: 1}"), [{ code: "E0118", at: "2:12", message: "message construction 'Foo{...}' is not supported: Edict has no message types" }]],
  ["has() of a non-selection", policy("input m: map<string, int>", "output o = has(m)"), [{ code: "E0119", at: "3:16", message: "has() takes a field selection such as has(x.f)" }]],
  ["macro variable not a name", policy("output o = [1, 2].all(1, true)"), [{ code: "E0120", at: "2:23", message: "a macro's variable must be a simple name" }]],
  ["reserved macro variable", policy("output o = [1].map(__result__, __result__)"), [{ code: "E0120", at: "2:20", message: "the iteration variable '__result__' would overwrite the comprehension's accumulator" }]],
  ["select on a scalar", policy("input x: int", "output o = x.foo"), [{ code: "E0121", at: "3:14", message: "type 'int' has no fields (selecting 'foo')" }]],
  ["index a scalar", policy("input x: int", "output o = x[0]"), [{ code: "E0122", at: "3:12", message: "type 'int' cannot be indexed" }]],
  ["map key type", policy("input x: map<list<int>, int>"), [{ code: "E0123", at: "2:14", message: "map keys must be string, int, uint or bool, not list<int>" }]],
  ["type arguments", policy("input x: list<int, int>"), [{ code: "E0124", at: "2:10", message: "type 'list' takes 1 type argument, got 2" }]],
  ["duplicate record field", policy("input x: { a: int, a: string }"), [{ code: "E0125", at: "2:20", message: "duplicate field 'a' in record type" }]],
  ["bad constant regex", policy("input s: string", 'output o = s.matches("(a")'), [{ code: "E0126", at: "3:22", message: "invalid regular expression: missing closing ) at `(a` in `(a`" }]],
  ["bad regex in a const", policy('const re = "a(?=b)"', "input s: string", "output o = s.matches(re)"), [{ code: "E0126", at: "4:22", message: "invalid regular expression: lookaround assertions are not supported (RE2 syntax) at `(?=b)` in `a(?=b)`" }]],
  ["optional list element", policy("output o = [?1]"), [{ code: "E0127", at: "2:14", message: "an optional element ([?x] or {?k: v}) must be optional, got int" }]],
  ["redeclared built-in type", policy("type int = { a: int }"), [{ code: "E0128", at: "2:6", message: "'int' is a built-in type and cannot be redeclared" }]],
  ["for with two equal names", policy("input m: map<string, int>", "deny r {", "  for k, k in m", "}"), [{ code: "E0129", at: "4:10", message: "both variables of this for are named 'k'" }]],
  [
    "unguarded optional field",
    policy("input p: { procs?: list<string> }", "deny r {", "  when size(p.procs) > 0", "}"),
    [{ code: "W0101", at: "4:13", message: "optional field 'procs' is read without a has() guard; when it is absent this is an error" }],
  ],
];

describe("golden diagnostics", () => {
  it.each(cases)("%s", (_title, source, expected) => {
    const { diagnostics } = checkSource(source);
    expect(diagnostics.map(({ code, at, message }) => ({ code, at, message }))).toEqual(expected);
  });

  it("every diagnostic has a help hint", () => {
    for (const [, source] of cases) {
      for (const d of checkSource(source).diagnostics) {
        expect(d.help, `${d.code} ${d.message}`).toBeTruthy();
      }
    }
  });

  it("explains how to guard an optional field", () => {
    const { diagnostics } = checkSource(policy("input p: { procs?: list<string> }", "output o = size(p.procs)"));
    expect(diagnostics[0]!.help).toBe("guard it with `has(p.procs) && ...`, or give a default with `p.?procs.orValue(...)`");
  });

  it("a policy with only warnings still checks", () => {
    const { checked, diagnostics } = checkSource(policy("input p: { procs?: list<string> }", "output o = size(p.procs)"));
    expect(diagnostics.map((d) => d.code)).toEqual(["W0101"]);
    expect(checked).not.toBeNull();
  });

  it("errors make the result null", () => {
    expect(checkSource(policy("output o = nope")).checked).toBeNull();
  });
});
