// Endpoint helpers for `net.host`, `net.port` and `net.isLoopback` (spec
// section 8). Inputs are the endpoint strings found in collector configs:
// full URLs ("https://user@Api.Example.com:8443/v1"), `host:port`
// ("otel:4317", "[::1]:4317"), bare hosts and bare IPv6 addresses.

/** Default ports by lower-cased scheme. gRPC has none: its default depends on TLS. */
const DEFAULT_PORTS: { [scheme: string]: number } = { http: 80, https: 443 };

interface Endpoint {
  /** Lower-cased scheme, or "" when the string has no `scheme://`. */
  scheme: string;
  /** Host as written (brackets removed), or "". */
  host: string;
  /** Port text after the host's colon, or null when there is no colon. */
  port: string | null;
}

function splitEndpoint(s: string): Endpoint {
  let scheme = "";
  let rest = s;
  const sep = s.indexOf("://");
  if (sep >= 0) {
    scheme = s.slice(0, sep).toLowerCase();
    rest = s.slice(sep + 3);
  }
  // The authority ends at the path, query or fragment.
  let end = rest.length;
  for (const stop of ["/", "?", "#"]) {
    const at = rest.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  let authority = rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  if (at >= 0) authority = authority.slice(at + 1);
  if (authority.startsWith("[")) {
    const close = authority.indexOf("]");
    if (close < 0) return { scheme, host: "", port: null };
    const after = authority.slice(close + 1);
    return { scheme, host: authority.slice(1, close), port: after.startsWith(":") ? after.slice(1) : null };
  }
  const firstColon = authority.indexOf(":");
  if (firstColon < 0) return { scheme, host: authority, port: null };
  // Several colons and no brackets: a bare IPv6 address, which has no port.
  if (authority.indexOf(":", firstColon + 1) >= 0) return { scheme, host: authority, port: null };
  return { scheme, host: authority.slice(0, firstColon), port: authority.slice(firstColon + 1) };
}

/**
 * `net.host(s)`: the host of a URL or `host:port` string, lower-cased, with
 * the brackets of an IPv6 literal removed; "" when there is none.
 */
export function netHost(s: string): string {
  return splitEndpoint(s.trim()).host.toLowerCase();
}

/**
 * `net.port(s)`: the explicit port (0-65535), else the scheme's default
 * (http 80, https 443), else an error.
 */
export function netPort(s: string): number | { error: string } {
  const e = splitEndpoint(s.trim());
  if (e.port !== null) {
    if (!isDecimal(e.port) || e.port.length > 5 || Number(e.port) > 65535) {
      return { error: `net.port: invalid port "${e.port}" in "${s}"` };
    }
    return Number(e.port);
  }
  // Own properties only: a scheme like "constructor" must not find Object.prototype members.
  const port = Object.hasOwn(DEFAULT_PORTS, e.scheme) ? DEFAULT_PORTS[e.scheme] : undefined;
  if (port !== undefined) return port;
  return { error: `net.port: no port in "${s}"` + (e.scheme === "" ? "" : ` and no default port for scheme "${e.scheme}"`) };
}

function isDecimal(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Four bytes of a strict dotted-quad IPv4 address (no leading zeros), or null. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!isDecimal(p) || p.length > 3 || (p.length > 1 && p[0] === "0")) return null;
    const v = Number(p);
    if (v > 255) return null;
    bytes.push(v);
  }
  return bytes;
}

function hexGroup(s: string): number | null {
  if (s.length === 0 || s.length > 4) return null;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = parseInt(s[i]!, 16);
    if (Number.isNaN(d)) return null;
    v = v * 16 + d;
  }
  return v;
}

/** Eight 16-bit groups of an IPv6 address (with `::` and a trailing IPv4 part), or null. */
export function parseIPv6(s: string): number[] | null {
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const parseGroups = (text: string, allowIPv4: boolean): number[] | null => {
    if (text === "") return [];
    const pieces = text.split(":");
    const groups: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (allowIPv4 && i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIPv4(piece);
        if (v4 === null) return null;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        const g = hexGroup(piece);
        if (g === null) return null;
        groups.push(g);
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = parseGroups(s, true);
    return groups !== null && groups.length === 8 ? groups : null;
  }
  const head = parseGroups(halves[0]!, false);
  const tail = parseGroups(halves[1]!, true);
  if (head === null || tail === null || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * `net.isLoopback(host)`: "localhost" (any case, optional trailing dot),
 * an IPv4 address in 127.0.0.0/8, or the IPv6 loopback ::1 in any spelling
 * (with or without brackets), including IPv4-mapped ::ffff:127.x.y.z.
 */
export function netIsLoopback(host: string): boolean {
  let h = host.toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h === "localhost" || h === "localhost.") return true;
  const v4 = parseIPv4(h);
  if (v4 !== null) return v4[0] === 127;
  const v6 = parseIPv6(h);
  if (v6 === null) return false;
  if (v6.slice(0, 7).every((g) => g === 0)) return v6[7] === 1;
  const mapped = v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff;
  return mapped && v6[6]! >> 8 === 127;
}
