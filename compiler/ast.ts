// The abstract syntax tree produced by grammar/ and read by every later stage.
// It is never mutated after parsing: the checker adds tables keyed by node id
// (see compiler/check/checked.ts). Every node carries a span into its file.
//
// Macros (`has`, `all`, `exists`, `map`, `cel.bind`, ...) stay as `Call` nodes
// here; the checker recognises them and records the expansion in its tables,
// so the printer can reproduce the source form and the AST stays small.

import type { Span } from "./diagnostics.js";

export type { Span };

interface NodeBase {
  /** Unique within one parsed file (expressions and declarations share the counter). */
  id: number;
  span: Span;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | LiteralExpr
  | IdentExpr
  | SelectExpr
  | IndexExpr
  | CallExpr
  | ListExpr
  | MapExpr
  | StructExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr;

export type LiteralValue =
  | { type: "null" }
  | { type: "bool"; value: boolean }
  | { type: "int"; value: bigint }
  | { type: "uint"; value: bigint }
  | { type: "double"; value: number }
  | { type: "string"; value: string }
  | { type: "bytes"; value: Uint8Array };

export interface LiteralExpr extends NodeBase {
  kind: "literal";
  value: LiteralValue;
}

export interface IdentExpr extends NodeBase {
  kind: "ident";
  name: string;
  /** `.name`: resolved from the root scope only (CEL's leading-dot form). */
  rootScoped: boolean;
}

/** `operand.field`, or `operand.?field` when optional. */
export interface SelectExpr extends NodeBase {
  kind: "select";
  operand: Expr;
  field: string;
  optional: boolean;
  /** Span of the field name alone (for "unknown field" carets). */
  fieldSpan: Span;
}

/** `operand[index]`, or `operand[?index]` when optional. */
export interface IndexExpr extends NodeBase {
  kind: "index";
  operand: Expr;
  index: Expr;
  optional: boolean;
}

/**
 * `fn(args)` or `target.fn(args)`. Namespaced functions such as `math.abs(x)`
 * and `net.host(s)` parse as a call with target `ident(math)`; the checker
 * resolves qualified names before member calls.
 */
export interface CallExpr extends NodeBase {
  kind: "call";
  target: Expr | null;
  function: string;
  args: Expr[];
  /** Span of the function name alone. */
  functionSpan: Span;
}

export interface ListElement {
  value: Expr;
  /** `[?x]`: include only when the optional has a value. */
  optional: boolean;
}

export interface ListExpr extends NodeBase {
  kind: "list";
  elements: ListElement[];
}

export interface MapEntry {
  key: Expr;
  value: Expr;
  /** `{?k: v}` */
  optional: boolean;
  span: Span;
}

export interface MapExpr extends NodeBase {
  kind: "map";
  entries: MapEntry[];
}

/** CEL message construction `pkg.Type{field: v}`; parsed for completeness, rejected by the checker. */
export interface StructExpr extends NodeBase {
  kind: "struct";
  typeName: string;
  fields: { name: string; value: Expr; optional: boolean; span: Span }[];
}

export type UnaryOp = "!" | "-";

export interface UnaryExpr extends NodeBase {
  kind: "unary";
  op: UnaryOp;
  operand: Expr;
}

export type BinaryOp =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "in"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";

export interface BinaryExpr extends NodeBase {
  kind: "binary";
  op: BinaryOp;
  left: Expr;
  right: Expr;
  /** Span of the operator token. */
  opSpan: Span;
}

export interface ConditionalExpr extends NodeBase {
  kind: "conditional";
  condition: Expr;
  then: Expr;
  otherwise: Expr;
}

// ---------------------------------------------------------------- types as written

export type TypeExpr = NamedTypeExpr | RecordTypeExpr;

/** `int`, `list<string>`, `map<string, dyn>`, `Agent`, `optional<int>` */
export interface NamedTypeExpr extends NodeBase {
  kind: "named";
  name: string;
  args: TypeExpr[];
}

export interface RecordFieldExpr {
  name: string;
  optional: boolean;
  type: TypeExpr;
  span: Span;
}

export interface RecordTypeExpr extends NodeBase {
  kind: "record";
  fields: RecordFieldExpr[];
}

// ---------------------------------------------------------------- policy layer

export interface Identifier {
  name: string;
  span: Span;
}

/** A `message` template: literal text and `${expr}` holes, in order. */
export interface Template extends NodeBase {
  /** Literal parts have `$$` already turned into `$`. */
  parts: ({ kind: "text"; text: string; span: Span } | { kind: "hole"; expr: Expr })[];
}

export interface PolicyFile {
  file: string;
  /** Dotted name, e.g. `otel.no_debug_in_production`. */
  name: Identifier;
  description: string | null;
  decls: Decl[];
  span: Span;
}

export type Decl = InputDecl | TypeDecl | ConstDecl | LetDecl | FnDecl | OutputDecl | RuleDecl;

export interface InputDecl extends NodeBase {
  kind: "input";
  name: Identifier;
  type: TypeExpr;
  /** `input previous: Collector?` — may be absent or null. */
  nullable: boolean;
}

export interface TypeDecl extends NodeBase {
  kind: "type";
  name: Identifier;
  type: TypeExpr;
}

export interface ConstDecl extends NodeBase {
  kind: "const";
  name: Identifier;
  value: Expr;
}

export interface LetDecl extends NodeBase {
  kind: "let";
  name: Identifier;
  value: Expr;
}

export interface FnParam {
  name: Identifier;
  type: TypeExpr;
}

export interface FnDecl extends NodeBase {
  kind: "fn";
  name: Identifier;
  params: FnParam[];
  result: TypeExpr;
  body: Expr;
}

export interface OutputDecl extends NodeBase {
  kind: "output";
  name: Identifier;
  value: Expr;
}

export type RuleKind = "deny" | "warn" | "allow";

/** `for x in e` (value null) or `for k, v in e`. */
export interface ForClause {
  first: Identifier;
  second: Identifier | null;
  source: Expr;
  span: Span;
}

export interface RuleDecl extends NodeBase {
  kind: "rule";
  ruleKind: RuleKind;
  name: Identifier;
  fors: ForClause[];
  when: Expr | null;
  unless: Expr | null;
  /** The RFC 3339 text as written, with its span (validated by the checker). */
  expires: { text: string; span: Span } | null;
  message: Template | null;
}
