// AST -> source text that parses back to an equal AST (ids and spans aside).
// Parentheses are added only where precedence or CEL's grammar needs them.

import type { Decl, Expr, LiteralValue, PolicyFile, Template, TypeExpr } from "../compiler/ast.js";
import { CEL_RESERVED } from "./build-expr.js";

// Precedence levels, loosest first. A child printed where a tighter level is required gets parentheses.
const CONDITIONAL = 0;
const OR = 1;
const AND = 2;
const RELATION = 3;
const ADDITIVE = 4;
const MULTIPLICATIVE = 5;
const UNARY = 6;
const MEMBER = 7;

const binaryLevel: Record<string, number> = {
  "||": OR,
  "&&": AND,
  "==": RELATION,
  "!=": RELATION,
  "<": RELATION,
  "<=": RELATION,
  ">": RELATION,
  ">=": RELATION,
  in: RELATION,
  "+": ADDITIVE,
  "-": ADDITIVE,
  "*": MULTIPLICATIVE,
  "/": MULTIPLICATIVE,
  "%": MULTIPLICATIVE,
};

function level(e: Expr): number {
  switch (e.kind) {
    case "conditional":
      return CONDITIONAL;
    case "binary":
      return binaryLevel[e.op]!;
    case "unary":
      return UNARY;
    case "literal":
      // A negative number is written with a sign: it behaves like a unary expression.
      return isNegativeNumber(e.value) ? UNARY : MEMBER;
    default:
      return MEMBER;
  }
}

function isNegativeNumber(v: LiteralValue): boolean {
  return (v.type === "int" && v.value < 0n) || (v.type === "double" && (v.value < 0 || Object.is(v.value, -0)));
}

/** Whether `e` prints starting with a number literal (`0.f()`, `1[0]`), which a `-` just before would absorb. */
function startsWithNumber(e: Expr): boolean {
  let base = e;
  for (;;) {
    if (base.kind === "select" || base.kind === "index") base = base.operand;
    else if (base.kind === "call" && base.target !== null) base = base.target;
    else break;
  }
  return base.kind === "literal" && (base.value.type === "int" || base.value.type === "double") && level(base) === MEMBER;
}

export function printExpr(expr: Expr): string {
  return print(expr, CONDITIONAL);
}

function print(e: Expr, required: number): string {
  const text = printBare(e);
  return level(e) < required ? `(${text})` : text;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ESCAPABLE = /^[A-Za-z0-9_.\-/ ]+$/;
const NOT_A_FIELD_NAME = new Set(["in", "true", "false", "null"]);

/** A field name as written after `.` or in a record/struct: plain when possible, else in backticks. */
export function fieldName(name: string): string {
  if (IDENT.test(name) && !NOT_A_FIELD_NAME.has(name)) return name;
  if (ESCAPABLE.test(name)) return `\`${name}\``;
  // No CEL syntax can write this name; keep the text visible rather than failing.
  return `\`${name}\``;
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case "literal":
      return printLiteral(e.value);
    case "ident":
      return (e.rootScoped ? "." : "") + e.name;
    case "select":
      return `${print(e.operand, MEMBER)}.${e.optional ? "?" : ""}${fieldName(e.field)}`;
    case "index":
      return `${print(e.operand, MEMBER)}[${e.optional ? "?" : ""}${print(e.index, CONDITIONAL)}]`;
    case "call": {
      const args = e.args.map((a) => print(a, CONDITIONAL)).join(", ");
      return e.target === null ? `${e.function}(${args})` : `${print(e.target, MEMBER)}.${e.function}(${args})`;
    }
    case "list":
      return `[${e.elements.map((el) => (el.optional ? "?" : "") + print(el.value, CONDITIONAL)).join(", ")}]`;
    case "map":
      return `{${e.entries.map((en) => `${en.optional ? "?" : ""}${print(en.key, OR)}: ${print(en.value, CONDITIONAL)}`).join(", ")}}`;
    case "struct":
      return `${e.typeName}{${e.fields.map((f) => `${f.optional ? "?" : ""}${fieldName(f.name)}: ${print(f.value, CONDITIONAL)}`).join(", ")}}`;
    case "unary": {
      // CEL writes a run of one operator before a member: `!!x`, `--x`; anything else needs parentheses.
      const operand = e.operand;
      const sameRun = operand.kind === "unary" && operand.op === e.op;
      // `-5` would read back as the literal -5, so a negated number keeps its parentheses.
      const inner = sameRun
        ? printBare(operand)
        : e.op === "-" && startsWithNumber(operand)
          ? `(${printBare(operand)})`
          : print(operand, MEMBER);
      return `${e.op}${inner}`;
    }
    case "binary": {
      const lvl = binaryLevel[e.op]!;
      return `${print(e.left, lvl)} ${e.op} ${print(e.right, lvl + 1)}`;
    }
    case "conditional":
      return `${print(e.condition, OR)} ? ${print(e.then, OR)} : ${print(e.otherwise, CONDITIONAL)}`;
  }
}

export function printLiteral(v: LiteralValue): string {
  switch (v.type) {
    case "null":
      return "null";
    case "bool":
      return v.value ? "true" : "false";
    case "int":
      return v.value.toString();
    case "uint":
      return `${v.value.toString()}u`;
    case "double":
      return formatDouble(v.value);
    case "string":
      return quoteString(v.value);
    case "bytes":
      return quoteBytes(v.value);
  }
}

function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'double("NaN")';
  if (!Number.isFinite(x)) return x > 0 ? 'double("Infinity")' : 'double("-Infinity")';
  if (Object.is(x, -0)) return "-0.0";
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, "0");
}

/** A double-quoted CEL string; `dollars` doubles `$` for message templates. */
export function quoteString(s: string, dollars = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "$" && dollars) out += "$$";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex2(cp)}`;
    else out += ch;
  }
  return `${out}"`;
}

function quoteBytes(bytes: Uint8Array): string {
  let out = 'b"';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += "\\\\";
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${hex2(b)}`;
  }
  return `${out}"`;
}

// ---------------------------------------------------------------- policy layer

export function printType(t: TypeExpr): string {
  if (t.kind === "record") {
    if (t.fields.length === 0) return "{}";
    return `{ ${t.fields.map((f) => `${fieldName(f.name)}${f.optional ? "?" : ""}: ${printType(f.type)}`).join(", ")} }`;
  }
  return t.args.length === 0 ? t.name : `${t.name}<${t.args.map(printType).join(", ")}>`;
}

function printTemplate(t: Template): string {
  let out = '"';
  for (const part of t.parts) {
    if (part.kind === "text") out += quoteString(part.text, true).slice(1, -1);
    else out += `\${${printExpr(part.expr)}}`;
  }
  return `${out}"`;
}

function printDecl(d: Decl): string {
  switch (d.kind) {
    case "input":
      return `input ${d.name.name}: ${printType(d.type)}${d.nullable ? "?" : ""}`;
    case "type":
      return `type ${d.name.name} = ${printType(d.type)}`;
    case "const":
    case "let":
    case "output":
      return `${d.kind} ${d.name.name} = ${printExpr(d.value)}`;
    case "fn": {
      const params = d.params.map((p) => `${p.name.name}: ${printType(p.type)}`).join(", ");
      return `fn ${d.name.name}(${params}): ${printType(d.result)} = ${printExpr(d.body)}`;
    }
    case "rule": {
      const lines: string[] = [];
      for (const f of d.fors) {
        lines.push(`for ${f.first.name}${f.second ? `, ${f.second.name}` : ""} in ${printExpr(f.source)}`);
      }
      if (d.when) lines.push(`when ${printExpr(d.when)}`);
      if (d.unless) lines.push(`unless ${printExpr(d.unless)}`);
      if (d.expires) lines.push(`expires ${quoteString(d.expires.text)}`);
      if (d.message) lines.push(`message ${printTemplate(d.message)}`);
      const body = lines.map((l) => `  ${l}\n`).join("");
      return `${d.ruleKind} ${d.name.name} {\n${body}}`;
    }
  }
}

export function printPolicy(ast: PolicyFile): string {
  const header = `policy ${ast.name.name}${ast.description === null ? "" : ` ${quoteString(ast.description)}`}`;
  return [header, ...ast.decls.map(printDecl)].join("\n\n") + "\n";
}

/** Names the printer can write as they are (used by the AST generators in tests). */
export function isPlainName(name: string): boolean {
  return IDENT.test(name) && !CEL_RESERVED.has(name) && !NOT_A_FIELD_NAME.has(name);
}
