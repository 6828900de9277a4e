// Which cel-spec tests are in Edict's scope, decided by rules over the test
// data (never by a hand-kept list of names): Edict has no protobuf messages,
// enums, wrappers, `Any` or containers, so a test that needs one is skipped
// with the rule's reason, and the runner prints how many each rule skipped.

/** The conformance sections Edict targets; every other section is out of scope as a whole. */
export const IN_SCOPE_SECTIONS: readonly string[] = [
  "basic",
  "bindings_ext",
  "comparisons",
  "conversions",
  "fields",
  "fp_math",
  "integer_math",
  "lists",
  "logic",
  "macros",
  "macros2",
  "math_ext",
  "optionals",
  "parse",
  "plumbing",
  "string",
  "string_ext",
  "timestamps",
];

/** Skip reasons, stable strings (the runner groups and counts by them). */
export const SKIP = {
  container: "sets a container (resolves protobuf message names)",
  customFunction: "declares custom functions in its type environment",
  message: "constructs or names protobuf messages, wrappers or Any",
  variableType: "declares a variable of a type Edict lacks",
  binding: "binds a value Edict cannot represent",
  expected: "expects a value Edict cannot represent",
  checkOnly: "is check-only (expects a deduced type, not a value)",
  unknown: "expects unknown values (partial evaluation)",
} as const;

/**
 * Protobuf names an expression may not mention. `google.protobuf.Timestamp`
 * and `google.protobuf.Duration` stay: they are CEL's names of Edict's
 * timestamp and duration types (`type(t) == google.protobuf.Timestamp`).
 */
const MESSAGE_NAMES =
  /\bgoogle\s*\.\s*protobuf\s*\.\s*(?!Timestamp\b|Duration\b)[A-Za-z]|\bcel\s*\.\s*expr\s*\.\s*conformance\b|\b(?:TestAllTypes|NestedTestAllTypes|TestRequired|GlobalEnum|NestedEnum|NestedMessage)\b/;

/** Whether the expression constructs or names a protobuf message, wrapper, enum or Any. */
export function mentionsMessages(expr: string): boolean {
  const code = stripLiteralsAndComments(expr);
  return MESSAGE_NAMES.test(code) || hasStructLiteral(code);
}

/**
 * A message literal is a (dotted) name directly followed by `{`; a map
 * literal's `{` follows an operator, a bracket, a comma or `in`.
 */
function hasStructLiteral(code: string): boolean {
  for (let i = code.indexOf("{"); i >= 0; i = code.indexOf("{", i + 1)) {
    let j = i - 1;
    while (j >= 0 && /\s/.test(code[j]!)) j--;
    let start = j;
    while (start >= 0 && /[\w.\s]/.test(code[start]!)) start--;
    const name = code.slice(start + 1, j + 1).replace(/\s+/g, "");
    if (name !== "" && name !== "in" && !/\s(in)$/.test(code.slice(start + 1, j + 1)) && /[A-Za-z_]/.test(name)) return true;
  }
  return false;
}

/** Replaces string/bytes literal contents and comments with spaces, so scans see only code. */
export function stripLiteralsAndComments(expr: string): string {
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === "/" && expr[i + 1] === "/") {
      while (i < expr.length && expr[i] !== "\n") {
        out += " ";
        i++;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      const raw = /[rR]/.test(expr[i - 1] ?? "") || /[rR]/.test(expr[i - 2] ?? "") && /[bB]/.test(expr[i - 1] ?? "");
      const triple = expr.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < expr.length && !expr.startsWith(close, j)) j += !raw && expr[j] === "\\" ? 2 : 1;
      const end = Math.min(expr.length, j + close.length);
      out += `${close}${" ".repeat(Math.max(0, end - i - 2 * close.length))}${close}`.slice(0, end - i);
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
