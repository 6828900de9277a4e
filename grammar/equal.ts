// Structural comparison of ASTs ignoring ids and spans: what "parses back to
// the same tree" means for the printer and the round-trip tests.

const POSITIONAL = new Set(["id", "span", "opSpan", "fieldSpan", "functionSpan"]);

/** A deep copy without ids and spans (bytes become plain arrays, bigints stay). */
export function stripSpans<T>(node: T): unknown {
  if (node instanceof Uint8Array) return { bytes: [...node] };
  if (Array.isArray(node)) return node.map((n) => stripSpans(n));
  if (node !== null && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (POSITIONAL.has(k)) continue;
      // Identifier and Template nodes carry a span next to their content; drop it the same way.
      out[k] = stripSpans(v);
    }
    return out;
  }
  return node;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b);
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Whether two AST nodes (or files) are equal ignoring ids and spans. Doubles compare with Object.is. */
export function astEqual(a: unknown, b: unknown): boolean {
  return same(stripSpans(a), stripSpans(b));
}
