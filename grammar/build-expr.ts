// CST -> AST for CEL expressions. Binary chains are folded left to right
// (CEL's associativity); parentheses leave no node. Negation folds into a
// numeric literal written right after it (CEL's literal rule has an optional
// sign), so `-9223372036854775808` is one int literal.

import type { CstNode, IToken } from "chevrotain";
import type { BinaryOp, Expr, ListElement, MapEntry, StructExpr } from "../compiler/ast.js";
import type { Span } from "../compiler/diagnostics.js";
import { BuildContext, MAX_DEPTH, nodeSpan, subnode, subnodes, tokenOf, tokensOf, tokenSpan } from "./context.js";
import { decodeDouble, decodeInt, decodeQuoted, decodeUint, type LiteralProblem } from "./literals.js";

/** CEL reserved words: never a valid identifier inside an expression. */
export const CEL_RESERVED = new Set([
  "as", "break", "const", "continue", "else", "for", "function", "if", "import",
  "let", "loop", "package", "namespace", "return", "var", "void", "while",
]);

const PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, in: 3,
  "+": 4, "-": 4,
  "*": 5, "/": 5, "%": 5,
};

export class ExprBuilder {
  /** Tree depth of every node built, to enforce MAX_DEPTH without recursion in later stages. */
  private readonly depths = new WeakMap<Expr, number>();
  private reportedDepth = false;

  constructor(private readonly ctx: BuildContext) {}

  /** Builds a top-level expression (resetting the depth report). */
  build(node: CstNode): Expr {
    this.reportedDepth = false;
    return this.expression(node);
  }

  private make<E extends Expr>(expr: E, ...kids: Expr[]): E {
    let depth = 1;
    for (const k of kids) depth = Math.max(depth, (this.depths.get(k) ?? 1) + 1);
    this.depths.set(expr, depth);
    if (depth > MAX_DEPTH && !this.reportedDepth) {
      this.reportedDepth = true;
      this.ctx.error(
        "E0020",
        expr.span,
        "expression nested too deeply",
        `an expression may nest at most ${MAX_DEPTH} levels (operators, calls, selections); split it into lets or functions`,
      );
    }
    return expr;
  }

  /** `c1 ? t1 : c2 ? t2 : e`: operands of the flat conditional chain, folded to the right. */
  expression(node: CstNode): Expr {
    const operands = subnodes(node, "operand");
    let result = this.binaryChain(operands[operands.length - 1]!);
    for (let i = operands.length - 3; i >= 0; i -= 2) {
      const condition = this.binaryChain(operands[i]!);
      const then = this.binaryChain(operands[i + 1]!);
      const span = { start: nodeSpan(operands[i]!).start, end: nodeSpan(node).end };
      result = this.make({ kind: "conditional", id: this.ctx.id(), span, condition, then, otherwise: result }, condition, then, result);
    }
    return result;
  }

  /**
   * Operands with binary operators between them, resolved by CEL precedence
   * (`||` < `&&` < relations < `+ -` < `* / %`), all left-associative. An
   * explicit stack, so a long chain costs no recursion.
   */
  private binaryChain(node: CstNode): Expr {
    const operandNodes = subnodes(node, "operand");
    const ops = tokensOf(node, "op");
    const values: { expr: Expr; start: number; end: number }[] = [];
    const pending: IToken[] = [];
    const reduce = (): void => {
      const right = values.pop()!;
      const left = values.pop()!;
      const op = pending.pop()!;
      const expr = this.make(
        {
          kind: "binary",
          id: this.ctx.id(),
          span: { start: left.start, end: right.end },
          op: op.image as BinaryOp,
          left: left.expr,
          right: right.expr,
          opSpan: tokenSpan(op),
        },
        left.expr,
        right.expr,
      );
      values.push({ expr, start: left.start, end: right.end });
    };
    const push = (operand: CstNode): void => {
      const span = nodeSpan(operand);
      values.push({ expr: this.unary(operand), start: span.start, end: span.end });
    };
    push(operandNodes[0]!);
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const level = PRECEDENCE[op.image]!;
      while (pending.length > 0 && PRECEDENCE[pending[pending.length - 1]!.image]! >= level) reduce();
      pending.push(op);
      push(operandNodes[i + 1]!);
    }
    while (pending.length > 0) reduce();
    return values[0]!.expr;
  }

  private unary(node: CstNode): Expr {
    const ops = tokensOf(node, "op");
    const memberNode = subnode(node, "member")!;
    let foldedMinus: IToken | undefined;
    let remaining = ops.length;
    if (remaining > 0 && ops[0]!.image === "-" && startsWithNumber(memberNode)) {
      foldedMinus = ops[remaining - 1];
      remaining -= 1;
    }
    let expr = this.member(memberNode, foldedMinus);
    const end = nodeSpan(memberNode).end;
    for (let i = remaining - 1; i >= 0; i--) {
      const op = ops[i]!;
      expr = this.make(
        { kind: "unary", id: this.ctx.id(), span: { start: op.startOffset, end }, op: op.image as "!" | "-", operand: expr },
        expr,
      );
    }
    return expr;
  }

  private member(node: CstNode, negate: IToken | undefined): Expr {
    const primaryNode = subnode(node, "primary")!;
    let expr = this.primary(primaryNode, negate);
    const start = negate ? negate.startOffset : nodeSpan(primaryNode).start;
    for (const suffix of subnodes(node, "memberSuffix")) {
      expr = this.suffix(expr, suffix, start);
    }
    return expr;
  }

  private suffix(operand: Expr, node: CstNode, start: number): Expr {
    const span: Span = { start, end: nodeSpan(node).end };
    const optional = tokenOf(node, "Question") !== undefined;
    const nameToken = tokenOf(node, "name");
    if (nameToken !== undefined) {
      const escaped = nameToken.image.startsWith("`");
      const name = escaped ? nameToken.image.slice(1, -1) : nameToken.image;
      const open = tokenOf(node, "LParen");
      if (open !== undefined) {
        if (optional || escaped) {
          this.ctx.error(
            "E0023",
            tokenSpan(nameToken),
            optional ? `a method call cannot use '.?': write '.${name}(...)'` : `a method name cannot be quoted with backticks`,
          );
        }
        const args = this.args(subnode(node, "argumentList"));
        return this.make(
          { kind: "call", id: this.ctx.id(), span, target: operand, function: name, args, functionSpan: tokenSpan(nameToken) },
          operand,
          ...args,
        );
      }
      return this.make(
        { kind: "select", id: this.ctx.id(), span, operand, field: name, optional, fieldSpan: tokenSpan(nameToken) },
        operand,
      );
    }
    if (tokenOf(node, "LBracket") !== undefined) {
      const index = this.expression(subnode(node, "expression")!);
      return this.make({ kind: "index", id: this.ctx.id(), span, operand, index, optional }, operand, index);
    }
    return this.struct(operand, node, span);
  }

  private struct(operand: Expr, node: CstNode, span: Span): Expr {
    const typeName = qualifiedName(operand);
    if (typeName === null) {
      this.ctx.error(
        "E0022",
        tokenSpan(tokenOf(node, "LBrace")!),
        "'{' here would construct a message, but it does not follow a type name",
        "message construction is written TypeName{field: value}",
      );
    }
    const fields: StructExpr["fields"] = [];
    const values: Expr[] = [];
    for (const field of subnodes(node, "fieldInit")) {
      const nameToken = tokenOf(field, "name")!;
      const value = this.expression(subnode(field, "expression")!);
      values.push(value);
      fields.push({
        name: nameToken.image.startsWith("`") ? nameToken.image.slice(1, -1) : nameToken.image,
        value,
        optional: tokenOf(field, "Question") !== undefined,
        span: nodeSpan(field),
      });
    }
    return this.make({ kind: "struct", id: this.ctx.id(), span, typeName: typeName ?? "", fields }, ...values);
  }

  private args(node: CstNode | undefined): Expr[] {
    if (node === undefined) return [];
    return subnodes(node, "expression").map((e) => this.expression(e));
  }

  private primary(node: CstNode, negate: IToken | undefined): Expr {
    const span = nodeSpan(node);
    const literal = subnode(node, "literal");
    if (literal !== undefined) return this.literal(literal, negate);
    const ident = tokenOf(node, "Identifier");
    if (ident !== undefined) {
      const rootScoped = tokenOf(node, "leadingDot") !== undefined;
      if (CEL_RESERVED.has(ident.image)) {
        this.ctx.error("E0021", tokenSpan(ident), `'${ident.image}' is a reserved word in CEL and cannot be used as a name`);
      }
      if (tokenOf(node, "LParen") !== undefined) {
        const args = this.args(subnode(node, "argumentList"));
        const fn = (rootScoped ? "." : "") + ident.image;
        return this.make(
          { kind: "call", id: this.ctx.id(), span, target: null, function: fn, args, functionSpan: tokenSpan(ident) },
          ...args,
        );
      }
      return this.make({ kind: "ident", id: this.ctx.id(), span, name: ident.image, rootScoped });
    }
    if (tokenOf(node, "open") !== undefined) return this.expression(subnode(node, "expression")!);
    if (tokenOf(node, "LBracket") !== undefined) {
      const elements: ListElement[] = subnodes(node, "listElement").map((e) => ({
        value: this.expression(subnode(e, "expression")!),
        optional: tokenOf(e, "Question") !== undefined,
      }));
      return this.make({ kind: "list", id: this.ctx.id(), span, elements }, ...elements.map((e) => e.value));
    }
    const entries: MapEntry[] = subnodes(node, "mapEntry").map((e) => ({
      key: this.expression(subnode(e, "key")!),
      value: this.expression(subnode(e, "value")!),
      optional: tokenOf(e, "Question") !== undefined,
      span: nodeSpan(e),
    }));
    return this.make({ kind: "map", id: this.ctx.id(), span, entries }, ...entries.flatMap((e) => [e.key, e.value]));
  }

  private literal(node: CstNode, negate: IToken | undefined): Expr {
    const token = tokenOf(node, "token")!;
    const span: Span = { start: negate ? negate.startOffset : token.startOffset, end: token.startOffset + token.image.length };
    const problems: LiteralProblem[] = [];
    const value = (() => {
      switch (token.tokenType.name) {
        case "IntLiteral":
          return decodeInt(token.image, negate !== undefined, span, problems);
        case "UintLiteral":
          return decodeUint(token.image, span, problems);
        case "FloatLiteral":
          return decodeDouble(token.image, negate !== undefined, span, problems);
        case "StringLiteral":
        case "BytesLiteral":
          return decodeQuoted(token.image, token.startOffset, problems);
        case "True":
          return { type: "bool", value: true } as const;
        case "False":
          return { type: "bool", value: false } as const;
        default:
          return { type: "null" } as const;
      }
    })();
    for (const p of problems) this.ctx.error(p.code, p.span, p.message, p.help);
    return this.make({ kind: "literal", id: this.ctx.id(), span, value });
  }
}

/** Whether a member starts with an int or double literal written without parentheses. */
function startsWithNumber(member: CstNode): boolean {
  const literal = subnode(subnode(member, "primary")!, "literal");
  if (literal === undefined) return false;
  const kind = tokenOf(literal, "token")!.tokenType.name;
  return kind === "IntLiteral" || kind === "FloatLiteral";
}

/** `a`, `.a`, `a.b.c` as a dotted name (for message construction), or null. */
export function qualifiedName(expr: Expr): string | null {
  const parts: string[] = [];
  let e = expr;
  while (e.kind === "select" && !e.optional) {
    parts.push(e.field);
    e = e.operand;
  }
  if (e.kind !== "ident") return null;
  parts.push((e.rootScoped ? "." : "") + e.name);
  return parts.reverse().join(".");
}
