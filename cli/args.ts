// A small, strict argument parser: every flag a command accepts is declared,
// anything else is a usage error (exit 2), never silently ignored.

export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--fuel 100` or `--fuel=100`). */
  value?: boolean;
  /** May be given several times; values collect into a list. */
  repeat?: boolean;
  /** Short alias, e.g. "-o". */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const byShort = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone "-" is a positional (stdin), as is anything not starting with "-".
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const written = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = written.startsWith("--") ? written.slice(2) : byShort.get(written);
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || spec === undefined) throw new UsageError(`unknown option ${written}`);
    let value = "";
    if (spec.value) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new UsageError(`option ${written} needs a value`);
    } else if (eq >= 0) {
      throw new UsageError(`option ${written} takes no value`);
    }
    const seen = flags.get(name);
    if (seen && !spec.repeat) throw new UsageError(`option --${name} given more than once`);
    flags.set(name, [...(seen ?? []), value]);
  }
  return { positionals, flags };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

export function flagSet(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/** A positive integer flag (`--fuel`, `--timeout-ms`), or undefined when absent. */
export function positiveIntFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flagValue(args, name);
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) <= 0) {
    throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
