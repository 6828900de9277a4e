// Turns Chevrotain's recognition exceptions (carrying the structured notes
// written by grammar/parser.ts) into plain-words diagnostics with spans.
// Stable codes are listed in grammar/README.md.

import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Span } from "../compiler/diagnostics.js";
import type { ParseNote } from "./parser.js";
import { allTokens } from "./tokens.js";

export interface ParseProblem {
  code: string;
  message: string;
  span: Span;
  help?: string;
}

/** Where the tokens given to the parser came from, for describing "the end". */
export interface ParseEnv {
  /** The tokens the parser saw (one declaration, one expression or one hole). */
  tokens: IToken[];
  /** Offset just after the parsed region's last token (or its start when empty). */
  endOffset: number;
  /** How to name the end of the region: "the end of the file", "the next declaration 'deny'", ... */
  endDescription: string;
  /** "at line 3" (or "at column 5" in a one-line source). */
  where(offset: number): string;
}

const labels = new Map<string, string>(allTokens.map((t) => [t.name, typeof t.LABEL === "string" ? t.LABEL : t.name]));
labels.set("EOF", "the end of the input");
labels.set("Identifier", "a name");
labels.set("Template", "a message string in quotes");

const REDUNDANT_AFTER: Record<string, string> = { expressionOnly: "expression", ruleClause: "clause" };
const EXPRESSION_RULES = new Set(["expression", "unary", "member", "primary", "literal", "argumentList", "expressionOnly"]);
const CLOSERS: Record<string, string> = { RParen: "LParen", RBracket: "LBracket", RBrace: "LBrace" };

function quote(t: IToken): string {
  const name = t.tokenType.name;
  if (name === "StringLiteral" || name === "Template") return "a string";
  if (name === "BytesLiteral") return "a bytes literal";
  const image = t.image.length > 24 ? `${t.image.slice(0, 24)}...` : t.image;
  return `'${image}'`;
}

function readNote(e: IRecognitionException): ParseNote {
  try {
    return JSON.parse(e.message) as ParseNote;
  } catch {
    return { kind: "noViable", ruleName: "", expected: [] };
  }
}

function expectedList(names: string[]): string {
  const words = [...new Set(names.map((n) => labels.get(n) ?? n))];
  if (words.length <= 1) return words[0] ?? "something else";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

export function describeParseError(e: IRecognitionException, env: ParseEnv): ParseProblem {
  const note = readNote(e);
  const actual = e.token;
  const atEnd = actual.tokenType === EOF || !Number.isFinite(actual.startOffset);
  const index = atEnd ? env.tokens.length : env.tokens.indexOf(actual);
  const previous = index > 0 ? env.tokens[index - 1] : undefined;
  const hasPrevious = previous !== undefined;
  const span: Span = atEnd
    ? { start: env.endOffset, end: env.endOffset }
    : { start: actual.startOffset, end: actual.startOffset + actual.image.length };
  const found = atEnd ? env.endDescription : quote(actual);
  const after = hasPrevious ? ` after ${quote(previous)}` : "";

  if (note.kind === "redundant" || (note.kind === "mismatch" && note.expected[0] === "EOF")) {
    return {
      code: "E0013",
      message: `unexpected ${found} after the end of the ${REDUNDANT_AFTER[note.ruleName] ?? "declaration"}`,
      span,
      help: helpAfterExpression(actual, hasPrevious ? previous : undefined, "is an operator or a comma missing?"),
    };
  }

  if (note.kind !== "mismatch" && (EXPRESSION_RULES.has(note.ruleName) || note.expected.includes("Literal"))) {
    const mixed =
      hasPrevious && !atEnd && ((previous.image === "-" && actual.image === "!") || (previous.image === "!" && actual.image === "-"));
    return {
      code: "E0011",
      message: `expected an expression${after}${atEnd ? "" : `, found ${found}`}`,
      span,
      help: mixed ? "CEL needs parentheses to combine '-' and '!': write -(!x) or !(-x)" : undefined,
    };
  }

  if (note.kind !== "mismatch" && (note.ruleName === "typeExpr" || note.ruleName === "namedType")) {
    return { code: "E0014", message: `expected a type${after}, found ${found}`, span };
  }

  if (note.kind === "mismatch") {
    const expected = note.expected[0]!;
    const opener = CLOSERS[expected];
    if (opener !== undefined) {
      if (note.ruleName === "ruleDecl" && !atEnd) {
        return {
          code: "E0010",
          message: `expected a clause (for, when, unless, expires, message) or '}'${after}, found ${found}`,
          span,
          help: helpAfterExpression(actual, hasPrevious ? previous : undefined, "is an operator missing?"),
        };
      }
      const open = findOpener(env.tokens, index, opener, expected);
      if (open !== undefined) {
        const what = openerWhat(note.ruleName, expected, open);
        return {
          code: "E0012",
          message: `expected '${labelText(expected)}' to close ${what} ${env.where(open.startOffset)}${atEnd ? "" : `, found ${found}`}`,
          span,
        };
      }
    }
    return { code: "E0010", message: `expected ${expectedList([expected])}${after}, found ${found}`, span };
  }

  return { code: "E0010", message: `expected ${expectedList(note.expected)}${after}, found ${found}`, span };
}

/** Token kinds that can end an expression: after them, an unexpected name suggests a missing operator. */
const EXPRESSION_END = new Set([
  "Identifier", "IntLiteral", "UintLiteral", "FloatLiteral", "StringLiteral", "BytesLiteral",
  "True", "False", "Null", "RParen", "RBracket", "RBrace",
]);

/** Words from other languages that CEL spells differently. */
const FOREIGN_OPERATORS: Record<string, string> = {
  "=": "use '==' to compare values",
  and: "CEL writes 'and' as '&&'",
  or: "CEL writes 'or' as '||'",
  not: "CEL writes 'not' as '!'",
};

function helpAfterExpression(actual: IToken, previous: IToken | undefined, fallback: string): string | undefined {
  if (previous === undefined || !EXPRESSION_END.has(previous.tokenType.name)) return undefined;
  return FOREIGN_OPERATORS[actual.image] ?? fallback;
}

function labelText(name: string): string {
  return (labels.get(name) ?? name).replace(/'/g, "");
}

function openerWhat(ruleName: string, closer: string, open: IToken): string {
  if (ruleName === "ruleDecl") return "the rule started";
  if (ruleName === "recordType") return "the record type started";
  if (ruleName === "memberSuffix" && closer === "RBrace") return "the message construction started";
  if (ruleName === "primary" && closer === "RBrace") return "the map started";
  if (ruleName === "primary" && closer === "RBracket") return "the list started";
  return `the '${open.image}'`;
}

/** The unmatched opening bracket before `at` (or before the end when `at` is EOF). */
function findOpener(tokens: IToken[], index: number, opener: string, closer: string): IToken | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const name = tokens[i]!.tokenType.name;
    if (name === closer) depth++;
    else if (name === opener) {
      if (depth === 0) return tokens[i];
      depth--;
    }
  }
  return undefined;
}
