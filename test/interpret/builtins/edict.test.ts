import { describe, expect, it } from "vitest";
import { INT64_MAX, INT64_MIN, UINT64_MAX, call, expectError, expectUint, list, u } from "./support.js";

describe("net.host", () => {
  it("extracts the lower-cased host of URLs and host:port strings", () => {
    expect(call("net_host_string", "https://Example.COM:8443/path?q=1")).toBe("example.com");
    expect(call("net_host_string", "http://user@host.example/x")).toBe("host.example");
    expect(call("net_host_string", "otel-collector:4317")).toBe("otel-collector");
    expect(call("net_host_string", "localhost")).toBe("localhost");
    expect(call("net_host_string", "[::1]:8080")).toBe("::1");
    expect(call("net_host_string", "https://[2001:DB8::1]/")).toBe("2001:db8::1");
    expect(call("net_host_string", "10.0.0.1:80")).toBe("10.0.0.1");
  });

  it("gives the empty string when there is no host", () => {
    expect(call("net_host_string", "")).toBe("");
    expect(call("net_host_string", "file:///etc/passwd")).toBe("");
  });
});

describe("net.port", () => {
  it("reads an explicit port or the scheme's default", () => {
    expect(call("net_port_string", "https://example.com:8443/x")).toBe(8443n);
    expect(call("net_port_string", "https://example.com/x")).toBe(443n);
    expect(call("net_port_string", "HTTP://example.com")).toBe(80n);
    expect(call("net_port_string", "collector:4317")).toBe(4317n);
    expect(call("net_port_string", "[::1]:0")).toBe(0n);
  });

  it("is an error without a port or default, or with a bad port", () => {
    expectError(call("net_port_string", "example.com"));
    expectError(call("net_port_string", "grpc://collector"));
    expectError(call("net_port_string", "host:65536"));
    expectError(call("net_port_string", "host:http"));
    expectError(call("net_port_string", "host:-1"));
    expectError(call("net_port_string", ""));
  });
});

describe("net.isLoopback", () => {
  it("recognises localhost, 127.0.0.0/8 and ::1", () => {
    for (const host of ["localhost", "127.0.0.1", "127.255.255.254", "::1", "0:0:0:0:0:0:0:1"]) {
      expect(call("net_is_loopback_string", host)).toBe(true);
    }
    for (const host of ["", "128.0.0.1", "10.0.0.1", "::2", "example.com", "localhost.example.com", "127.0.0.1.nip.io"]) {
      expect(call("net_is_loopback_string", host)).toBe(false);
    }
  });
});

describe("semver.compare", () => {
  it("orders by SemVer 2.0 precedence", () => {
    const cmp = (a: string, b: string) => call("semver_compare_string_string", a, b);
    expect(cmp("1.2.3", "1.2.3")).toBe(0n);
    expect(cmp("1.2.3", "1.10.0")).toBe(-1n);
    expect(cmp("2.0.0", "1.99.99")).toBe(1n);
    expect(cmp("1.0.0-alpha", "1.0.0")).toBe(-1n);
    expect(cmp("1.0.0-alpha.1", "1.0.0-alpha.beta")).toBe(-1n);
    expect(cmp("1.0.0-alpha.10", "1.0.0-alpha.9")).toBe(1n);
    expect(cmp("1.0.0-rc.1", "1.0.0-beta.11")).toBe(1n);
    expect(cmp("1.0.0+build.1", "1.0.0+build.2")).toBe(0n);
  });

  it("is an error when either side is not a version", () => {
    for (const bad of ["1.0", "1.0.0.0", "01.0.0", "x.y.z", "", "1.0.0-"]) {
      expectError(call("semver_compare_string_string", bad, "1.0.0"));
      expectError(call("semver_compare_string_string", "1.0.0", bad));
    }
  });
});

describe("semver.satisfies", () => {
  const sat = (v: string, r: string) => call("semver_satisfies_string_string", v, r);

  it("supports comparators, caret, tilde, x-ranges, and/or", () => {
    expect(sat("2.5.0", ">=2.5.0")).toBe(true);
    expect(sat("2.4.9", ">=2.5.0")).toBe(false);
    expect(sat("2.9.9", "<3")).toBe(true);
    expect(sat("3.0.0", "<3")).toBe(false);
    expect(sat("1.9.0", "^1.2")).toBe(true);
    expect(sat("2.0.0", "^1.2")).toBe(false);
    expect(sat("0.2.9", "^0.2.3")).toBe(true);
    expect(sat("0.3.0", "^0.2.3")).toBe(false);
    expect(sat("1.2.9", "~1.2.3")).toBe(true);
    expect(sat("1.3.0", "~1.2.3")).toBe(false);
    expect(sat("1.5.0", "1.x")).toBe(true);
    expect(sat("2.0.0", "1.x")).toBe(false);
    expect(sat("1.5.0", ">=1.0.0 <1.5.0")).toBe(false);
    expect(sat("1.5.0", "<1.0.0 || >=1.5.0")).toBe(true);
    expect(sat("1.2.3", "1.2.3")).toBe(true);
    expect(sat("1.2.3", "=1.2.3")).toBe(true);
  });

  it("does not exclude prerelease versions (unlike npm's default)", () => {
    expect(sat("2.0.0-rc.1", ">=1.0.0")).toBe(true);
    expect(sat("1.3.0-beta", "^1.2")).toBe(true);
  });

  it("is an error for a bad version or range", () => {
    expectError(sat("not.a.version", ">=1.0.0"));
    expectError(sat("1.0.0", ">>1"));
    expectError(sat("1.0.0", "banana"));
  });
});

/** Reference MurmurHash3 x86 32-bit, written from the published algorithm for this test only. */
function murmur3(bytes: Uint8Array, seed = 0): number {
  let h = seed >>> 0;
  const blocks = bytes.length & ~3;
  const mix = (k: number) => Math.imul((Math.imul(k, 0xcc9e2d51) << 15) | (Math.imul(k, 0xcc9e2d51) >>> 17), 0x1b873593);
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h ^= mix(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = bytes.length & 3;
  if (tail > 0) {
    let k = 0;
    for (let j = tail - 1; j >= 0; j--) k = (k << 8) | bytes[blocks + j]!;
    h ^= mix(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

describe("rollout.bucket", () => {
  it("the reference hash matches published MurmurHash3 vectors", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(murmur3(enc(""))).toBe(0);
    expect(murmur3(enc("hello"))).toBe(0x248bfa47);
    expect(murmur3(enc("The quick brown fox jumps over the lazy dog"))).toBe(0x2e4ff723);
  });

  it("is murmur3(salt + '/' + key) * 100 / 2^32, in [0, 100)", () => {
    for (const [key, salt] of [["agent-1", "exp"], ["", ""], ["é😀", "salt/with/slashes"], ["a".repeat(101), "x"]] as const) {
      const expected = (murmur3(new TextEncoder().encode(`${salt}/${key}`)) * 100) / 2 ** 32;
      const got = call("rollout_bucket_string_string", key, salt);
      expect(got).toBe(expected);
      expect(got as number).toBeGreaterThanOrEqual(0);
      expect(got as number).toBeLessThan(100);
    }
  });

  it("depends on both key and salt", () => {
    expect(call("rollout_bucket_string_string", "a", "b")).not.toBe(call("rollout_bucket_string_string", "b", "a"));
  });
});

describe("sum", () => {
  it("sums ints, uints and doubles; the empty list sums to zero of its type", () => {
    expect(call("sum_list_int64", list(1n, -2n, 3n))).toBe(2n);
    expect(call("sum_list_int64", list())).toBe(0n);
    expectUint(call("sum_list_uint64", list(u(1), u(2))), 3n);
    expectUint(call("sum_list_uint64", list()), 0n);
    expect(call("sum_list_double", list(0.5, 0.25))).toBe(0.75);
    expect(call("sum_list_double", list())).toBe(0);
  });

  it("reports int and uint overflow, even when a later element would bring it back", () => {
    expectError(call("sum_list_int64", list(INT64_MAX, 1n)), /overflow/);
    expectError(call("sum_list_int64", list(INT64_MAX, 1n, -1n)), /overflow/);
    expectError(call("sum_list_int64", list(INT64_MIN, -1n)), /overflow/);
    expect(call("sum_list_int64", list(INT64_MAX, INT64_MIN))).toBe(-1n);
    expectError(call("sum_list_uint64", list(u(UINT64_MAX), u(1))), /overflow/);
  });

  it("follows IEEE 754 for doubles", () => {
    expect(call("sum_list_double", list(1e308, 1e308))).toBe(Infinity);
    expect(Number.isNaN(call("sum_list_double", list(Infinity, -Infinity)))).toBe(true);
  });
});
