// Reading the files a command names and printing diagnostics. Commands write
// through an `Output` so tests of the runner API can capture what they print.

import { readFileSync } from "node:fs";
import { LineMap, renderDiagnostic, type Diagnostic } from "../compiler/diagnostics.js";
import type { SourceFile } from "../compiler/compile.js";
import { UsageError } from "./args.js";

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => void process.stdout.write(line + "\n"),
  err: (line) => void process.stderr.write(line + "\n"),
};

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message : String(err);
}

/** Reads a file named on the command line; a missing file is a usage error. */
export function readArgumentFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(err)}`);
  }
}

export function readSources(paths: readonly string[]): SourceFile[] {
  return paths.map((path) => ({ name: path, source: readArgumentFile(path).toString("utf8") }));
}

/** Renders diagnostics with source lines and carets, in the order given. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: readonly SourceFile[]): string[] {
  const maps = new Map<string, LineMap>();
  for (const s of sources) maps.set(s.name, new LineMap(s.source));
  return diagnostics.map((d) => {
    const lines = maps.get(d.file);
    if (lines) return renderDiagnostic(d, lines);
    return `${d.file || "edict"}: ${d.severity}: ${d.message}`;
  });
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** Reads a JSON document from a file or, for "-", from stdin; bad JSON is a usage error (exit 2). */
export function readJsonInput(path: string): unknown {
  let text: string;
  if (path === "-") {
    try {
      text = readFileSync(0, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read standard input: ${describeFsError(err)}`);
    }
  } else {
    text = readArgumentFile(path).toString("utf8");
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const where = path === "-" ? "standard input" : path;
    throw new UsageError(`${where} is not valid JSON: ${(err as Error).message}`);
  }
}
