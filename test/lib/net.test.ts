import { describe, expect, it } from "vitest";
import { netHost, netIsLoopback, netPort, parseIPv6 } from "../../runtime/lib/net.js";

describe("netHost", () => {
  it.each([
    ["https://Api.Example.com:8443/v1/traces", "api.example.com"],
    ["http://user:pw@host.example:80/path?q=1#f", "host.example"],
    ["https://example.com", "example.com"],
    ["https://example.com?x=a@b", "example.com"],
    ["otel-collector:4317", "otel-collector"],
    ["LOCALHOST:4317", "localhost"],
    ["collector.eu.example.com", "collector.eu.example.com"],
    ["localhost:4317/v1/traces", "localhost"],
    ["[::1]:4317", "::1"],
    ["http://[2001:DB8::1]:8080/x", "2001:db8::1"],
    ["[fe80::1]", "fe80::1"],
    ["::1", "::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["127.0.0.1:8888", "127.0.0.1"],
    ["http://:80", ""],
    ["unix:///var/run/otel.sock", ""],
    ["", ""],
    ["[::1", ""],
  ])("%j -> %j", (s, host) => {
    expect(netHost(s)).toBe(host);
  });
});

describe("netPort", () => {
  it.each([
    ["https://api.example.com:8443/v1", 8443],
    ["https://api.example.com/v1", 443],
    ["HTTP://api.example.com", 80],
    ["http://[::1]/", 80],
    ["otel:4317", 4317],
    ["[::1]:4317", 4317],
    ["host:0", 0],
    ["host:65535", 65535],
  ])("%j -> %d", (s, port) => {
    expect(netPort(s)).toBe(port);
  });

  it.each(["otel", "host:", "host:65536", "host:-1", "host:12a", "grpc://collector", "::1", "ftp://x", "host:000000080"])(
    "%j is an error",
    (s) => {
      expect(netPort(s)).toEqual({ error: expect.stringContaining("net.port") });
    },
  );
});

describe("netIsLoopback", () => {
  it.each([
    "localhost", "LocalHost", "localhost.", "127.0.0.1", "127.255.255.254", "127.1.2.3", "::1", "[::1]",
    "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001", "::0:1", "::ffff:127.0.0.1", "::ffff:7f00:1",
  ])("%j is loopback", (h) => {
    expect(netIsLoopback(h)).toBe(true);
  });

  it.each([
    "", "example.com", "localhost.example.com", "128.0.0.1", "126.255.255.255", "127.0.0.1.5", "127.0.0", "0127.0.0.1",
    "127.0.0.256", "::", "::2", "1::1", "::ffff:10.0.0.1", "0.0.0.0", "localhost:4317", "127.0.0.1:80", "::1::",
  ])("%j is not loopback", (h) => {
    expect(netIsLoopback(h)).toBe(false);
  });

  it("parses IPv6 spellings", () => {
    expect(parseIPv6("2001:db8::8a2e:370:7334")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]);
    expect(parseIPv6("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6("1:2:3:4:5:6:1.2.3.4")).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    for (const bad of ["1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7::8", ":1::"]) {
      expect(parseIPv6(bad)).toBeNull();
    }
  });
});
