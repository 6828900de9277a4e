// Recovery for a rule that did not parse as a whole: find its closing brace,
// cut the body into clauses (a clause keyword first in the body or opening a
// line starts one), and parse each clause alone. Every broken clause gets its
// own diagnostic, the good clauses still build a rule, and a missing `}` is
// reported against the rule that opened it.

import { tokenMatcher, type CstNode, type IToken } from "chevrotain";
import type { RuleDecl } from "../compiler/ast.js";
import type { PolicyBuilder } from "./build-policy.js";
import { tokenSpan } from "./context.js";
import { CLAUSE_KEYWORDS, startsLine, type FileParser, type Region } from "./parse.js";
import * as T from "./tokens.js";

export function recoverRule(fp: FileParser, builder: PolicyBuilder, chunk: IToken[], region: Region): RuleDecl | null {
  const [keyword, name, open] = chunk;
  if (keyword === undefined || name === undefined || !tokenMatcher(name, T.Identifier) || open?.tokenType !== T.LBrace) return null;
  const ctx = fp.ctx;

  // The rule's own `}` is the first one that closes more braces than the body opened.
  let close = -1;
  let depth = 0;
  for (let i = 3; i < chunk.length && close < 0; i++) {
    const type = chunk[i]!.tokenType;
    if (type === T.LBrace) depth++;
    else if (type === T.RBrace) {
      if (depth === 0) close = i;
      else depth--;
    }
  }
  const body = chunk.slice(3, close < 0 ? chunk.length : close);

  const pieces: IToken[][] = [];
  body.forEach((t, i) => {
    const startsClause = CLAUSE_KEYWORDS.has(t.tokenType) && (i === 0 || startsLine(ctx.source, body, i));
    if (i === 0 || startsClause) pieces.push([t]);
    else pieces[pieces.length - 1]!.push(t);
  });

  const clauses: CstNode[] = [];
  pieces.forEach((piece, p) => {
    const first = piece[0]!;
    if (!CLAUSE_KEYWORDS.has(first.tokenType)) {
      ctx.error("E0010", tokenSpan(first), `expected a clause (for, when, unless, expires, message) or '}', found '${first.image.slice(0, 24)}'`);
      return;
    }
    const next = pieces[p + 1]?.[0];
    const pieceRegion: Region = {
      start: first.startOffset,
      end: next?.startOffset ?? region.end,
      endDescription:
        next !== undefined
          ? `the next clause ('${next.image}' at line ${ctx.lineOf(next.startOffset)})`
          : close >= 0
            ? "the '}' closing the rule"
            : region.endDescription,
    };
    const cst = fp.run("ruleClause", piece, pieceRegion);
    if (cst !== null) clauses.push(cst);
  });

  const end = close >= 0 ? chunk[close]! : chunk[chunk.length - 1]!;
  if (close < 0) {
    const at = end.startOffset + end.image.length;
    ctx.error("E0012", { start: at, end: at }, `expected '}' to close the rule started at line ${ctx.lineOf(keyword.startOffset)}`);
  } else if (close < chunk.length - 1) {
    const extra = chunk[close + 1]!;
    ctx.error("E0013", tokenSpan(extra), `unexpected '${extra.image.slice(0, 24)}' after the end of the rule`);
  }
  const span = { start: keyword.startOffset, end: end.startOffset + end.image.length };
  return builder.rule(keyword, name, clauses, span);
}
