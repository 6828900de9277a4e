// Builds a `message` template node from a Template token: decodes the text
// parts (CEL escapes, `$$` -> `$`) and parses each `${...}` hole as a full
// expression whose spans are offsets into the file.

import type { IToken } from "chevrotain";
import type { Expr, Template } from "../compiler/ast.js";
import type { BuildContext } from "./context.js";
import { decodeEscapes, StringSink, type LiteralProblem } from "./literals.js";
import type { TemplatePayload } from "./template-scan.js";

export type HoleParser = (start: number, end: number) => Expr | null;

export function buildTemplate(token: IToken, ctx: BuildContext, parseHole: HoleParser): Template {
  const payload = token.payload as TemplatePayload;
  const start = token.startOffset;
  const end = start + token.image.length;
  const parts: Template["parts"] = [];
  const problems: LiteralProblem[] = [];
  const source = ctx.source;

  if (!payload.terminated && payload.pieces.every((p) => p.kind !== "hole" || p.closed)) {
    ctx.error("E0040", { start, end: start + payload.quote.length }, "unterminated message string", `close it with ${payload.quote}`);
  }

  for (const piece of payload.pieces) {
    if (piece.kind === "text") {
      const sink = new StringSink();
      decodeEscapes(source, piece.start, piece.end, 0, sink, problems, (i) => {
        if (source[i + 1] === "$") {
          sink.text("$");
          return i + 2;
        }
        problems.push({
          code: "E0043",
          message: "a '$' in a message must be written '$$' (or start a '${...}' hole)",
          span: { start: i, end: i + 1 },
        });
        return i + 1;
      });
      const text = sink.result();
      const previous = parts[parts.length - 1];
      // Adjacent text pieces (never produced by the scanner, but cheap to guard) merge.
      if (previous !== undefined && previous.kind === "text") {
        previous.text += text;
        previous.span = { start: previous.span.start, end: piece.end };
      } else parts.push({ kind: "text", text, span: { start: piece.start, end: piece.end } });
      continue;
    }
    if (!piece.closed) {
      ctx.error("E0041", { start: piece.open, end: piece.open + 2 }, "'${' in the message is never closed with '}'");
      continue;
    }
    if (source.slice(piece.start, piece.end).trim() === "") {
      ctx.error("E0042", { start: piece.open, end: piece.end + 1 }, "empty '${}' in the message: put an expression inside");
      continue;
    }
    const expr = parseHole(piece.start, piece.end);
    if (expr !== null) parts.push({ kind: "hole", expr });
  }
  for (const p of problems) ctx.error(p.code, p.span, p.message, p.help);
  return { id: ctx.id(), span: { start, end }, parts };
}
