// Text -> AST. A policy file is lexed once, split into declarations by their
// leading keyword, and each declaration is parsed on its own: one broken
// declaration never hides the errors of the next, and an unclosed `{` is
// reported against the declaration that opened it.

import { tokenMatcher, type CstNode, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type { Decl, Expr, Identifier, PolicyFile } from "../compiler/ast.js";
import type { RawDiagnostic } from "../compiler/diagnostics.js";
import { ExprBuilder } from "./build-expr.js";
import { PolicyBuilder } from "./build-policy.js";
import { BuildContext, tokenSpan } from "./context.js";
import { describeParseError, type ParseProblem } from "./errors.js";
import { recoverRule } from "./recover-rule.js";
import { parser } from "./parser.js";
import * as T from "./tokens.js";

/**
 * Nesting of ( [ { deeper than this is refused before parsing. Chevrotain
 * spends many JS frames per grammar level: nested calls overflow a default
 * Node stack (~1 MB) at about 200 levels before the code is optimised, so
 * 100 keeps a 2x margin. The deepest expression in the CEL conformance
 * suite nests 32 levels.
 */
const MAX_NESTING = 100;

const FOLLOWER = new Map<TokenType, TokenType>([
  [T.Input, T.Colon],
  [T.Type, T.Assign],
  [T.Const, T.Assign],
  [T.Let, T.Assign],
  [T.Fn, T.LParen],
  [T.Output, T.Assign],
  [T.Deny, T.LBrace],
  [T.Warn, T.LBrace],
  [T.Allow, T.LBrace],
]);
export const CLAUSE_KEYWORDS = new Set<TokenType>([T.For, T.When, T.Unless, T.Message, T.Expires]);

type Rule = "expressionOnly" | "declaration" | "policyHeader" | "ruleClause";

export interface Region {
  start: number;
  end: number;
  endDescription: string;
}

export class FileParser {
  readonly ctx: BuildContext;
  readonly exprs: ExprBuilder;
  private readonly lexProblemStarts: number[] = [];
  private problemsSorted = true;

  constructor(file: string, source: string) {
    this.ctx = new BuildContext(file, source);
    this.exprs = new ExprBuilder(this.ctx);
  }

  lex(text: string, base: number): IToken[] {
    const { tokens, problems } = T.lex(text, base);
    for (const p of problems) {
      this.lexProblemStarts.push(p.start);
      this.problemsSorted = false;
      const span = { start: p.start, end: p.end };
      if (p.kind === "unexpected") {
        const shown = p.text.length > 12 ? `${p.text.slice(0, 12)}...` : p.text;
        const help = p.text === "&" ? "CEL writes 'and' as '&&'" : p.text === "|" ? "CEL writes 'or' as '||'" : undefined;
        this.ctx.error("E0001", span, `unexpected character${p.text.length > 1 ? "s" : ""} '${shown}'`, help);
      } else if (p.kind === "unterminated-comment") {
        this.ctx.error("E0003", { start: p.start, end: p.start + 2 }, "unterminated comment: '/*' is never closed with '*/'");
      } else {
        this.ctx.error("E0002", { start: p.start, end: p.end }, "unterminated string literal", "close the string with the same quote it opens with");
      }
    }
    return tokens;
  }

  hasLexProblemIn(start: number, end: number): boolean {
    // Problems are recorded in offset order per lex call; holes are lexed later, so sort before searching.
    if (!this.problemsSorted) {
      this.lexProblemStarts.sort((a, b) => a - b);
      this.problemsSorted = true;
    }
    const starts = this.lexProblemStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! < end;
  }

  /** The syntax error of the last `run` that failed quietly (`report` false), if any. */
  lastError: ParseProblem | null = null;
  /** Whether the last `run` failed on syntax (reported, held in `lastError`, or hidden behind a lexer error). */
  lastFailedOnSyntax = false;

  /** Runs one grammar rule over `tokens`; null (with a diagnostic, unless `report` is false) if it does not parse. */
  run(rule: Rule, tokens: IToken[], region: Region, report = true): CstNode | null {
    this.lastError = null;
    this.lastFailedOnSyntax = false;
    const deep = tooDeep(tokens);
    if (deep !== undefined) {
      this.ctx.error("E0020", tokenSpan(deep), "expression nested too deeply", `brackets may nest at most ${MAX_NESTING} levels`);
      return null;
    }
    parser.input = tokens;
    let cst: CstNode;
    try {
      cst = parser[rule]();
    } catch (err) {
      // The nesting limit keeps the parser's recursion bounded; this is the last line of defence.
      this.ctx.error("E0020", region, err instanceof RangeError ? "expression nested too deeply" : `internal parser error: ${String(err)}`);
      return null;
    }
    if (parser.errors.length === 0) return cst;
    this.lastFailedOnSyntax = true;
    if (!this.hasLexProblemIn(region.start, region.end)) {
      const last = tokens[tokens.length - 1];
      const endOffset = last === undefined ? region.start : last.startOffset + last.image.length;
      const error = parser.errors[0] as IRecognitionException;
      const p = describeParseError(error, {
        tokens,
        endOffset,
        endDescription: region.endDescription,
        where: (o) => this.ctx.where(o),
      });
      if (report) this.ctx.error(p.code, p.span, p.message, p.help);
      else this.lastError = p;
    }
    return null;
  }

  report(p: ParseProblem): void {
    this.ctx.error(p.code, p.span, p.message, p.help);
  }

  /** Parses `source[start, end)` as one expression (a template hole). */
  readonly parseHole = (start: number, end: number): Expr | null => {
    const tokens = this.lex(this.ctx.source.slice(start, end), start);
    const cst = this.run("expressionOnly", tokens, { start, end, endDescription: "the '}' closing the hole" });
    return cst === null ? null : this.exprs.build(cst.children["expression"]![0] as CstNode);
  };
}

function tooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LBrace) {
      depth++;
      if (depth > MAX_NESTING) return t;
    } else if (type === T.RParen || type === T.RBracket || type === T.RBrace) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export function startsLine(source: string, tokens: IToken[], i: number): boolean {
  if (i === 0) return true;
  const previous = tokens[i - 1]!;
  const gap = source.slice(previous.startOffset + previous.image.length, tokens[i]!.startOffset);
  return /[\n\r]/.test(gap);
}

/**
 * Whether tokens[i] begins a declaration. Inside valid CEL a name is never
 * followed by another name, so `KEYWORD NAME FOLLOWER` only occurs at a
 * declaration; a keyword opening a line and followed by a name is accepted
 * too, so that a declaration missing its `=` or `{` still starts a new chunk.
 */
function isDeclarationStart(source: string, tokens: IToken[], i: number): boolean {
  const t = tokens[i]!;
  if (!T.declarationKeywords.includes(t.tokenType)) return false;
  if (i > 0 && tokens[i - 1]!.tokenType === T.Dot) return false;
  // The file's first token, if `policy`, is the header even when broken (`policy "no name"`).
  if (i === 0 && t.tokenType === T.Policy) return true;
  const next = tokens[i + 1];
  if (next === undefined || !tokenMatcher(next, T.Identifier)) return false;
  if (t.tokenType === T.Policy) return startsLine(source, tokens, i);
  const atLineStart = startsLine(source, tokens, i);
  // `when allow\n unless {}` is not a rule named `unless`: a clause keyword as the name needs a line of its own.
  if (CLAUSE_KEYWORDS.has(next.tokenType)) return atLineStart && tokens[i + 2]?.tokenType === FOLLOWER.get(t.tokenType);
  return atLineStart || tokens[i + 2]?.tokenType === FOLLOWER.get(t.tokenType);
}

/** Never throws: a bug here becomes an error diagnostic rather than an exception in the caller. */
function guarded<T extends { diagnostics: RawDiagnostic[] }>(file: string, source: string, run: () => T, empty: T): T {
  try {
    return run();
  } catch (err) {
    const message = err instanceof RangeError ? "expression nested too deeply" : `internal parser error: ${String(err)}`;
    const diagnostic: RawDiagnostic = { severity: "error", code: "E0020", message, file, span: { start: 0, end: source.length } };
    return { ...empty, diagnostics: [diagnostic] };
  }
}

export function parsePolicy(file: string, source: string): { ast: PolicyFile | null; diagnostics: RawDiagnostic[] } {
  return guarded(file, source, () => parsePolicyUnguarded(file, source), { ast: null, diagnostics: [] });
}

export function parseExpression(source: string, file = "<expr>"): { expr: Expr | null; diagnostics: RawDiagnostic[] } {
  return guarded(file, source, () => parseExpressionUnguarded(source, file), { expr: null, diagnostics: [] });
}

function parsePolicyUnguarded(file: string, source: string): { ast: PolicyFile | null; diagnostics: RawDiagnostic[] } {
  const fp = new FileParser(file, source);
  const ctx = fp.ctx;
  const tokens = fp.lex(source, 0);
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isDeclarationStart(source, tokens, i)) starts.push(i);

  if (starts[0] !== 0 && tokens.length > 0) {
    const first = tokens[0]!;
    const stop = starts[0] === undefined ? source.length : tokens[starts[0]]!.startOffset;
    if (!fp.hasLexProblemIn(0, stop)) {
      ctx.error(
        "E0015",
        tokenSpan(first),
        `expected a declaration, found '${first.image.slice(0, 24)}'`,
        "declarations start with policy, input, type, const, let, fn, output, deny, warn or allow",
      );
    }
  }

  const builder = new PolicyBuilder(ctx, fp.exprs, fp.parseHole);
  let name: Identifier | null = null;
  let description: string | null = null;
  const decls: Decl[] = [];
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c]!;
    const to = starts[c + 1] ?? tokens.length;
    const chunk = tokens.slice(from, to);
    const next = tokens[to];
    const region = {
      start: chunk[0]!.startOffset,
      end: next === undefined ? source.length : next.startOffset,
      endDescription:
        next === undefined ? "the end of the file" : `the next declaration ('${next.image}' at line ${ctx.lineOf(next.startOffset)})`,
    };
    const isHeader = chunk[0]!.tokenType === T.Policy;
    if (isHeader && (c > 0 || name !== null)) {
      ctx.error("E0031", tokenSpan(chunk[0]!), "a file holds one policy: this second 'policy' header is not allowed", "put each policy in its own file");
      continue;
    }
    const isRule = chunk[0]!.tokenType === T.Deny || chunk[0]!.tokenType === T.Warn || chunk[0]!.tokenType === T.Allow;
    const cst = fp.run(isHeader ? "policyHeader" : "declaration", chunk, region, !isRule);
    if (cst === null) {
      // A broken rule is re-parsed clause by clause, so each bad clause is reported and the good ones kept.
      const failure = fp.lastError;
      if (fp.lastFailedOnSyntax) {
        const before = ctx.diagnostics.items.length;
        const rule = recoverRule(fp, builder, chunk, region);
        if (rule !== null) decls.push(rule);
        if (ctx.diagnostics.items.length === before && failure !== null) fp.report(failure);
      }
      continue;
    }
    if (isHeader) {
      const header = builder.header(cst);
      name = header.name;
      description = header.description;
    } else decls.push(builder.declaration(cst));
  }
  if (name === null) {
    const anchor = tokens[0] === undefined ? { start: 0, end: 0 } : tokenSpan(tokens[0]);
    if (tokens[0]?.tokenType !== T.Policy) {
      ctx.error("E0030", anchor, "a policy file must start with 'policy NAME'", 'for example: policy acme.no_debug "What this policy enforces."');
    }
    name = { name: "", span: { start: anchor.start, end: anchor.start } };
  }
  const ast: PolicyFile = { file, name, description, decls, span: { start: 0, end: source.length } };
  return { ast, diagnostics: sortDiagnostics(ctx.diagnostics.items) };
}

function parseExpressionUnguarded(source: string, file: string): { expr: Expr | null; diagnostics: RawDiagnostic[] } {
  const fp = new FileParser(file, source);
  const tokens = fp.lex(source, 0);
  const cst = fp.run("expressionOnly", tokens, { start: 0, end: source.length, endDescription: "the end of the expression" });
  const expr = cst === null ? null : fp.exprs.build(cst.children["expression"]![0] as CstNode);
  return { expr, diagnostics: sortDiagnostics(fp.ctx.diagnostics.items) };
}

function sortDiagnostics(items: RawDiagnostic[]): RawDiagnostic[] {
  return [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
