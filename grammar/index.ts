// The grammar stage: text -> AST (compiler/ast.ts) and AST -> text.
// See grammar/README.md for the design and the diagnostic codes.

export { parsePolicy, parseExpression } from "./parse.js";
export { printPolicy, printExpr } from "./print.js";
export { stripSpans, astEqual } from "./equal.js";
