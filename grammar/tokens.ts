// Token types and the lexer for the whole language. One lexer serves policy
// files, bare CEL expressions and template holes.
//
// Policy keywords are contextual: each keyword token type has `Identifier` as
// its category, so wherever the grammar asks for an identifier a keyword is
// accepted (`x.message`, a field named `type`), and only the declaration and
// clause positions ask for the keyword itself. CEL's own keywords (`in`,
// `true`, `false`, `null`) are not identifiers.
//
// String literals are lexed permissively (a backslash followed by any
// character is one unit) and validated when decoded, so that a bad escape is
// reported at its own offset rather than as an unlexable string.

import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import { scanTemplate } from "./template-scan.js";

// ---------------------------------------------------------------- trivia

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  // CEL's whitespace, plus a byte-order mark (editors may start a file with one).
  pattern: /[ \t\r\n\f\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Lexed into the "errors" group and reported; never reaches the parser. */
export const UnterminatedComment = createToken({
  name: "UnterminatedComment",
  pattern: /\/\*[\s\S]*/,
  group: "errors",
  line_breaks: true,
});

// ---------------------------------------------------------------- identifiers and keywords

/** Category of every binary operator: the grammar has one flat operator rule (see parser.ts). */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA, label: "an operator" });
/** Category of every literal token (numbers, strings, bytes, true, false, null). */
export const Literal = createToken({ name: "Literal", pattern: Lexer.NA, label: "a literal" });


export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "a name" });
/** CEL 0.25 quoted field name: `` x.`a-b` `` */
export const EscapedIdentifier = createToken({
  name: "EscapedIdentifier",
  pattern: /`[A-Za-z0-9_.\-/ ]+`/,
  label: "a quoted field name",
});

function keyword(word: string, category: TokenType): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [category],
    label: `'${word}'`,
  });
}

export const Policy = keyword("policy", Identifier);
export const Input = keyword("input", Identifier);
export const Type = keyword("type", Identifier);
export const Const = keyword("const", Identifier);
export const Let = keyword("let", Identifier);
export const Fn = keyword("fn", Identifier);
export const Output = keyword("output", Identifier);
export const Deny = keyword("deny", Identifier);
export const Warn = keyword("warn", Identifier);
export const Allow = keyword("allow", Identifier);
export const For = keyword("for", Identifier);
export const When = keyword("when", Identifier);
export const Unless = keyword("unless", Identifier);
export const Message = keyword("message", Identifier);
export const Expires = keyword("expires", Identifier);

export const In = createToken({
  name: "In",
  pattern: /in/,
  longer_alt: Identifier,
  categories: [BinaryOperator],
  label: "'in'",
});
export const True = keyword("true", Literal);
export const False = keyword("false", Literal);
export const Null = keyword("null", Literal);

/** The tokens that may start a top-level declaration, in the order they are tried. */
export const declarationKeywords = [Policy, Input, Type, Const, Let, Fn, Output, Deny, Warn, Allow];
const clauseKeywords = [For, When, Unless, Message, Expires];

// ---------------------------------------------------------------- literals

/**
 * A `message` template. It is only recognised right after the `message`
 * keyword (see template-scan.ts), where holes may contain string literals.
 */
export const Template = createToken({
  name: "Template",
  pattern: { exec: scanTemplate },
  line_breaks: true,
  start_chars_hint: ['"', "'"],
  label: "a message string",
});

// An empty "" directly followed by a third quote is an unterminated """ string, not "" and a stray quote.
const rawBody = String.raw`(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"[^"\n\r]+"|""(?!")|'[^'\n\r]+'|''(?!'))`;
const cookedBody = String.raw`(?:"""(?:[^\\]|\\[\s\S])*?"""|'''(?:[^\\]|\\[\s\S])*?'''|"(?:[^"\\\n\r]|\\[^\n\r])+"|""(?!")|'(?:[^'\\\n\r]|\\[^\n\r])+'|''(?!'))`;

export const BytesLiteral = createToken({
  name: "BytesLiteral",
  pattern: new RegExp(`[bB](?:[rR]${rawBody}|${cookedBody})`),
  line_breaks: true,
  categories: [Literal],
  label: "a bytes literal",
});
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: new RegExp(`[rR]${rawBody}|${cookedBody}`),
  line_breaks: true,
  categories: [Literal],
  label: "a string",
});
/** An opening quote with no closing one: lexed into the "errors" group and reported. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /[bB]?[rR]?(?:"""[\s\S]*|'''[\s\S]*|"[^\n\r]*|'[^\n\r]*)/,
  group: "errors",
  line_breaks: true,
});

export const FloatLiteral = createToken({
  name: "FloatLiteral",
  pattern: /\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\.\d+(?:[eE][+-]?\d+)?/,
  categories: [Literal],
  label: "a number",
});
export const UintLiteral = createToken({
  name: "UintLiteral",
  pattern: /0x[0-9a-fA-F]+[uU]|\d+[uU]/,
  categories: [Literal],
  label: "a number",
});
export const IntLiteral = createToken({ name: "IntLiteral", pattern: /0x[0-9a-fA-F]+|\d+/, categories: [Literal], label: "a number" });

// ---------------------------------------------------------------- punctuation


function punct(name: string, text: string, binary = false): TokenType {
  return createToken({ name, pattern: text, label: `'${text}'`, categories: binary ? [BinaryOperator] : [] });
}

export const EqualEqual = punct("EqualEqual", "==", true);
export const NotEqual = punct("NotEqual", "!=", true);
export const LessEqual = punct("LessEqual", "<=", true);
export const GreaterEqual = punct("GreaterEqual", ">=", true);
export const Less = punct("Less", "<", true);
export const Greater = punct("Greater", ">", true);
export const AndAnd = punct("AndAnd", "&&", true);
export const OrOr = punct("OrOr", "||", true);
export const Bang = punct("Bang", "!");
export const Plus = punct("Plus", "+", true);
export const Minus = punct("Minus", "-", true);
export const Star = punct("Star", "*", true);
export const Slash = punct("Slash", "/", true);
export const Percent = punct("Percent", "%", true);
export const Question = punct("Question", "?");
export const Colon = punct("Colon", ":");
export const Dot = punct("Dot", ".");
export const Comma = punct("Comma", ",");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const LBrace = punct("LBrace", "{");
export const RBrace = punct("RBrace", "}");
export const Assign = punct("Assign", "=");

// Order matters: Chevrotain takes the first pattern that matches.
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  Template,
  BytesLiteral,
  StringLiteral,
  UnterminatedString,
  FloatLiteral,
  UintLiteral,
  IntLiteral,
  ...declarationKeywords,
  ...clauseKeywords,
  In,
  True,
  False,
  Null,
  Identifier,
  EscapedIdentifier,
  EqualEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  AndAnd,
  OrOr,
  Bang,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Question,
  Colon,
  Dot,
  Comma,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Assign,
  BinaryOperator,
  Literal,
];

const lexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: (text, offset, length) => text.slice(offset, offset + length),
    buildUnableToPopLexerModeMessage: () => "",
  },
});

export interface LexProblem {
  kind: "unexpected" | "unterminated-string" | "unterminated-comment";
  start: number;
  end: number;
  text: string;
}

export interface LexResult {
  tokens: IToken[];
  problems: LexProblem[];
}

/**
 * Lexes `source`; offsets in the result are shifted by `base` (used for
 * template holes, whose text is a slice of the file).
 */
export function lex(source: string, base = 0): LexResult {
  const result = lexer.tokenize(source);
  const problems: LexProblem[] = [];
  for (const e of result.errors) {
    problems.push({ kind: "unexpected", start: e.offset + base, end: e.offset + e.length + base, text: e.message });
  }
  for (const t of result.groups["errors"] ?? []) {
    const kind = t.tokenType === UnterminatedComment ? "unterminated-comment" : "unterminated-string";
    problems.push({ kind, start: t.startOffset + base, end: t.startOffset + t.image.length + base, text: t.image });
  }
  // "onlyOffset" tracking leaves endOffset unset; the parser's CST locations need it (inclusive).
  for (const t of result.tokens) {
    t.startOffset += base;
    t.endOffset = t.startOffset + t.image.length - 1;
  }
  problems.sort((a, b) => a.start - b.start);
  return { tokens: result.tokens, problems };
}

/** The end offset (exclusive) of a token. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}
