// CST -> AST for the policy layer: declarations, types, rules and clauses.

import type { CstNode, IToken } from "chevrotain";
import type { Decl, ForClause, Identifier, RuleDecl, RuleKind, TypeExpr } from "../compiler/ast.js";
import { BuildContext, nodeSpan, subnode, subnodes, tokenOf, tokensOf, tokenSpan } from "./context.js";
import { CEL_RESERVED, ExprBuilder } from "./build-expr.js";
import { decodeQuoted, type LiteralProblem } from "./literals.js";
import { buildTemplate, type HoleParser } from "./template.js";

export class PolicyBuilder {
  constructor(
    private readonly ctx: BuildContext,
    private readonly exprs: ExprBuilder,
    private readonly parseHole: HoleParser,
  ) {}

  /** A declared name; CEL's reserved words are refused since no expression could refer to them. */
  private name(token: IToken, what: string): Identifier {
    if (CEL_RESERVED.has(token.image)) {
      this.ctx.error("E0021", tokenSpan(token), `'${token.image}' is a reserved word in CEL and cannot be used as a ${what} name`);
    }
    return { name: token.image, span: tokenSpan(token) };
  }

  header(node: CstNode): { name: Identifier; description: string | null } {
    const parts = tokensOf(node, "name");
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const name: Identifier = {
      name: parts.map((t) => t.image).join("."),
      span: { start: first.startOffset, end: last.startOffset + last.image.length },
    };
    const description = tokenOf(node, "description");
    return { name, description: description === undefined ? null : this.plainString(description) };
  }

  /** A plain (non-template) string such as a description or an `expires` time. */
  private plainString(token: IToken): string {
    const problems: LiteralProblem[] = [];
    const value = decodeQuoted(token.image, token.startOffset, problems);
    for (const p of problems) this.ctx.error(p.code, p.span, p.message, p.help);
    return value.type === "string" ? value.value : "";
  }

  declaration(node: CstNode): Decl {
    const [kind, inner] = Object.entries(node.children)[0]! as [string, CstNode[]];
    const decl = inner[0]!;
    const span = nodeSpan(decl);
    switch (kind) {
      case "inputDecl":
        return {
          kind: "input",
          id: this.ctx.id(),
          span,
          name: this.name(tokenOf(decl, "name")!, "input"),
          type: this.type(subnode(decl, "typeExpr")!),
          nullable: tokenOf(decl, "Question") !== undefined,
        };
      case "typeDecl":
        return {
          kind: "type",
          id: this.ctx.id(),
          span,
          name: { name: tokenOf(decl, "name")!.image, span: tokenSpan(tokenOf(decl, "name")!) },
          type: this.type(subnode(decl, "typeExpr")!),
        };
      case "valueDecl": {
        const keyword = tokenOf(decl, "keyword")!.image as "const" | "let" | "output";
        const id = this.ctx.id();
        const name = this.name(tokenOf(decl, "name")!, keyword === "output" ? "output" : "variable");
        const value = this.exprs.build(subnode(decl, "expression")!);
        return { kind: keyword, id, span, name, value };
      }
      case "fnDecl": {
        const id = this.ctx.id();
        const name = this.name(tokenOf(decl, "name")!, "function");
        const params = subnodes(decl, "fnParam").map((p) => ({
          name: this.name(tokenOf(p, "name")!, "parameter"),
          type: this.type(subnode(p, "typeExpr")!),
        }));
        const result = this.type(subnode(decl, "typeExpr")!);
        const body = this.exprs.build(subnode(decl, "expression")!);
        return { kind: "fn", id, span, name, params, result, body };
      }
      default:
        return this.rule(tokenOf(decl, "keyword")!, tokenOf(decl, "name")!, subnodes(decl, "ruleClause"), span);
    }
  }

  /** A rule from its keyword, name and clause CST nodes (also used when recovering a broken rule clause by clause). */
  rule(keywordToken: IToken, nameToken: IToken, clauses: CstNode[], span: RuleDecl["span"]): RuleDecl {
    const id = this.ctx.id();
    const rule: RuleDecl = {
      kind: "rule",
      id,
      span,
      ruleKind: keywordToken.image as RuleKind,
      name: { name: nameToken.image, span: tokenSpan(nameToken) },
      fors: [],
      when: null,
      unless: null,
      expires: null,
      message: null,
    };
    const seen = new Map<string, IToken>();
    for (const clause of clauses) {
      const keyword = (tokenOf(clause, "For") ?? tokenOf(clause, "When") ?? tokenOf(clause, "Unless") ??
        tokenOf(clause, "Expires") ?? tokenOf(clause, "Message"))!;
      const word = keyword.image;
      if (word !== "for") {
        const earlier = seen.get(word);
        if (earlier !== undefined) {
          this.ctx.error(
            "E0032",
            tokenSpan(keyword),
            `a rule has at most one '${word}' clause; the first is at line ${this.ctx.lineOf(earlier.startOffset)}`,
            word === "when" || word === "unless" ? `combine the conditions with ${word === "when" ? "&&" : "||"}` : undefined,
          );
          continue;
        }
        seen.set(word, keyword);
      }
      switch (word) {
        case "for":
          rule.fors.push(this.forClause(clause));
          break;
        case "when":
          rule.when = this.exprs.build(subnode(clause, "expression")!);
          break;
        case "unless":
          rule.unless = this.exprs.build(subnode(clause, "expression")!);
          break;
        case "expires": {
          const token = tokenOf(clause, "StringLiteral")!;
          const start = token.startOffset;
          rule.expires = { text: this.plainString(token), span: { start, end: start + token.image.length } };
          break;
        }
        default:
          rule.message = buildTemplate(tokenOf(clause, "Template")!, this.ctx, this.parseHole);
      }
    }
    return rule;
  }

  private forClause(node: CstNode): ForClause {
    const second = tokenOf(node, "second");
    return {
      first: this.name(tokenOf(node, "first")!, "loop variable"),
      second: second === undefined ? null : this.name(second, "loop variable"),
      source: this.exprs.build(subnode(node, "expression")!),
      span: nodeSpan(node),
    };
  }

  type(node: CstNode): TypeExpr {
    const record = subnode(node, "recordType");
    if (record !== undefined) {
      const id = this.ctx.id();
      const fields = subnodes(record, "recordField").map((f) => {
        const token = tokenOf(f, "name")!;
        return {
          name: token.image.startsWith("`") ? token.image.slice(1, -1) : token.image,
          optional: tokenOf(f, "Question") !== undefined,
          type: this.type(subnode(f, "typeExpr")!),
          span: nodeSpan(f),
        };
      });
      return { kind: "record", id, span: nodeSpan(record), fields };
    }
    const named = subnode(node, "namedType")!;
    const id = this.ctx.id();
    return {
      kind: "named",
      id,
      span: nodeSpan(named),
      name: tokensOf(named, "name").map((t) => t.image).join("."),
      args: subnodes(named, "typeExpr").map((t) => this.type(t)),
    };
  }
}
