// Diagnostics are values created in one place (the collector) and rendered in
// one place (CLI carets, the API's line/column form). Spans are offsets into
// the file's source (UTF-16 code units, i.e. JS string indices); line and
// column are only computed when a diagnostic leaves the compiler.

/** Half-open range [start, end) of offsets into one source file. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = "error" | "warning";

/** A diagnostic as produced inside the compiler: offsets, not lines. */
export interface RawDiagnostic {
  severity: Severity;
  /** Stable code, e.g. "E0101"; see docs/diagnostics.md. */
  code: string;
  message: string;
  /** How to fix it, when there is something useful to say. */
  help?: string;
  file: string;
  span: Span;
}

/** Public shape (section 9 of the spec): 1-based lines and columns. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code?: string;
  help?: string;
}

export class DiagnosticCollector {
  readonly items: RawDiagnostic[] = [];
  constructor(readonly file: string) {}

  error(code: string, span: Span, message: string, help?: string): void {
    this.items.push({ severity: "error", code, message, help, file: this.file, span });
  }

  warning(code: string, span: Span, message: string, help?: string): void {
    this.items.push({ severity: "warning", code, message, help, file: this.file, span });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** Maps offsets of one source to 1-based line/column (columns count code points). */
export class LineMap {
  private readonly lineStarts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    const column = [...this.source.slice(lineStart, clamped)].length + 1;
    return { line: lo + 1, column };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.source.length;
    const next = this.lineStarts[line];
    const end = next === undefined ? this.source.length : next - 1;
    return this.source.slice(start, end).replace(/\r$/, "");
  }
}

export function toPublicDiagnostic(d: RawDiagnostic, lines: LineMap): Diagnostic {
  const start = lines.position(d.span.start);
  const end = lines.position(Math.max(d.span.end, d.span.start));
  const out: Diagnostic = {
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    code: d.code,
  };
  if (d.help) out.help = d.help;
  return out;
}

/** `file:line:col: error: message`, the source line, and a caret under the span. */
export function renderDiagnostic(d: Diagnostic, lines: LineMap): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
  const text = lines.lineText(d.line);
  const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : 1;
  const gutter = String(d.line).padStart(4);
  const pad = " ".repeat(4) + " | " + [...text].slice(0, d.column - 1).map((c) => (c === "\t" ? "\t" : " ")).join("");
  const parts = [head, `${gutter} | ${text}`, `${pad}${"^".repeat(width)}`];
  if (d.help) parts.push(`     = help: ${d.help}`);
  return parts.join("\n");
}
