// The six seed policies (spec section 11, examples/otel/*.edict) written by
// hand in plain JavaScript. Two jobs: the floor the benchmarks compare every
// engine against, and an oracle the engines must agree with on the rollout
// workload (same decision, same rule names and messages, same order).
//
// Each policy has a fast `denies` (stops at the first violation, as a
// hand-written admission check would) and `violations` (every firing, in the
// order Edict produces them: map keys sorted by UTF-8 bytes, lists in order).
// Inputs are the JSON of bench/workload.ts; a value of the wrong shape where
// the .edict file would fail (input_invalid or eval_error) makes `violations`
// throw an OracleError, and `denies` return true (fail closed).

import { netHost, netIsLoopback } from "../runtime/lib/net.js";
import { formatDuration, parseDuration } from "../runtime/lib/time.js";
import { compareUtf8 } from "../runtime/lib/utf8.js";
import { EU_HOSTS } from "./workload.js";

export interface OracleViolation {
  rule: string;
  message: string;
}

export interface OraclePolicy {
  /** The policy's name in its .edict file. */
  name: string;
  denies(input: any): boolean;
  violations(input: any): OracleViolation[];
}

/** The input does not fit the policy's declared types, or evaluation would fail. */
export class OracleError extends Error {}

const EU = new Set(EU_HOSTS);
const MIN_INTERVAL_NANOS = 60n * 1_000_000_000n;
/** What the collector uses when `collection_interval` is not set. */
const DEFAULT_INTERVAL = "1m";

function sortedKeys(map: object): string[] {
  return Object.keys(map).sort(compareUtf8);
}

/** `id == kind || id.startsWith(kind + "/")`: component ids are `type` or `type/name`. */
function isKind(id: string, kind: string): boolean {
  return id === kind || (id.length > kind.length && id.startsWith(kind) && id.charCodeAt(kind.length) === 47);
}

function hostOf(exporter: any): string {
  return typeof exporter?.endpoint === "string" ? netHost(exporter.endpoint) : "";
}

// 1 ------------------------------------------------------------------------

function insecureToRemote(exporter: any): boolean {
  return exporter?.tls?.insecure === true && typeof exporter.endpoint === "string" && !netIsLoopback(netHost(exporter.endpoint));
}

const tlsInsecureNonLocalhost: OraclePolicy = {
  name: "otel.tls_insecure_non_localhost",
  denies(input) {
    const exporters = input.config.exporters;
    for (const id in exporters) if (insecureToRemote(exporters[id])) return true;
    return false;
  },
  violations(input) {
    const exporters = input.config.exporters;
    return sortedKeys(exporters)
      .filter((id) => insecureToRemote(exporters[id]))
      .map((id) => ({
        rule: "insecure_tls_to_remote_host",
        message: `exporter ${id} has tls.insecure set but sends to ${hostOf(exporters[id])}, which is not the agent itself`,
      }));
  },
};

// 2 ------------------------------------------------------------------------

function agentsOn(traffic: Record<string, number>, id: string): number {
  return Object.hasOwn(traffic, id) ? traffic[id]! : 0;
}

function removedWithTraffic(input: any): string[] {
  if (input.previous == null || input.override?.exporter_removal === true) return [];
  return sortedKeys(input.previous.exporters).filter(
    (id) => !Object.hasOwn(input.config.exporters, id) && agentsOn(input.traffic, id) > 0,
  );
}

const exporterRemoval: OraclePolicy = {
  name: "otel.exporter_removal",
  denies(input) {
    if (input.previous == null || input.override?.exporter_removal === true) return false;
    const { exporters } = input.config;
    for (const id in input.previous.exporters) {
      if (!Object.hasOwn(exporters, id) && agentsOn(input.traffic, id) > 0) return true;
    }
    return false;
  },
  violations(input) {
    return removedWithTraffic(input).map((id) => ({
      rule: "exporter_removed_with_traffic",
      message: `exporter ${id} is removed while ${agentsOn(input.traffic, id)} agents still send through it`,
    }));
  },
};

// 3 ------------------------------------------------------------------------

function outsideEu(exporter: any): boolean {
  if (typeof exporter?.endpoint !== "string") return false;
  const host = netHost(exporter.endpoint);
  // The allow-list first: a set lookup, and most endpoints are on it.
  return !EU.has(host) && !netIsLoopback(host);
}

const nonEuEndpoint: OraclePolicy = {
  name: "otel.non_eu_endpoint",
  denies(input) {
    const exporters = input.config.exporters;
    for (const id in exporters) if (outsideEu(exporters[id])) return true;
    return false;
  },
  violations(input) {
    const exporters = input.config.exporters;
    return sortedKeys(exporters)
      .filter((id) => outsideEu(exporters[id]))
      .map((id) => ({
        rule: "endpoint_outside_eu",
        message: `exporter ${id} sends to ${hostOf(exporters[id])}, which is not an EU endpoint`,
      }));
  },
};

// 4 ------------------------------------------------------------------------

function untailedTraces(name: string, pipeline: any): boolean {
  if (!isKind(name, "traces")) return false;
  const processors: unknown = pipeline.processors;
  if (!Array.isArray(processors)) return true;
  return !processors.some((p) => isKind(p as string, "tail_sampling"));
}

const tracesTailSampling: OraclePolicy = {
  name: "otel.traces_tail_sampling",
  denies(input) {
    const pipelines = input.config.service.pipelines;
    for (const name in pipelines) if (untailedTraces(name, pipelines[name])) return true;
    return false;
  },
  violations(input) {
    const pipelines = input.config.service.pipelines;
    return sortedKeys(pipelines)
      .filter((name) => untailedTraces(name, pipelines[name]))
      .map((name) => ({ rule: "traces_without_tail_sampling", message: `pipeline ${name} has no tail_sampling processor` }));
  },
};

// 5 ------------------------------------------------------------------------

function intervalNanos(receiver: any): bigint {
  const text = receiver?.collection_interval ?? DEFAULT_INTERVAL;
  const nanos = typeof text === "string" ? parseDuration(text) : null;
  if (nanos === null) throw new OracleError(`collection_interval: expected duration, got ${JSON.stringify(text)}`);
  return nanos;
}

function tooFrequent(id: string, receiver: any): boolean {
  return isKind(id, "hostmetrics") && intervalNanos(receiver) < MIN_INTERVAL_NANOS;
}

const hostmetricsInterval: OraclePolicy = {
  name: "otel.hostmetrics_interval",
  denies(input) {
    const receivers = input.config.receivers;
    try {
      for (const id in receivers) if (tooFrequent(id, receivers[id])) return true;
    } catch (e) {
      if (e instanceof OracleError) return true;
      throw e;
    }
    return false;
  },
  violations(input) {
    const receivers = input.config.receivers;
    return sortedKeys(receivers)
      .filter((id) => tooFrequent(id, receivers[id]))
      .map((id) => ({
        rule: "hostmetrics_too_frequent",
        message: `receiver ${id} scrapes every ${formatDuration(intervalNanos(receivers[id]))}; the minimum is 60s`,
      }));
  },
};

// 6 ------------------------------------------------------------------------

function isProduction(input: any): boolean {
  const labels = input.agent.labels;
  return Object.hasOwn(labels, "env") && labels.env === "production";
}

const noDebugInProduction: OraclePolicy = {
  name: "otel.no_debug_in_production",
  denies(input) {
    if (!isProduction(input)) return false;
    const pipelines = input.config.service.pipelines;
    for (const name in pipelines) {
      for (const id of pipelines[name].exporters) if (id.split("/")[0] === "debug") return true;
    }
    return false;
  },
  violations(input) {
    if (!isProduction(input)) return [];
    const pipelines = input.config.service.pipelines;
    const out: OracleViolation[] = [];
    for (const name of sortedKeys(pipelines)) {
      for (const id of pipelines[name].exporters as string[]) {
        if (id.split("/")[0] === "debug") {
          out.push({ rule: "debug_exporter_in_production", message: `pipeline ${name} sends to debug exporter ${id} in production` });
        }
      }
    }
    return out;
  },
};

/** The six seed policies, in spec order. */
export const ORACLE_POLICIES: readonly OraclePolicy[] = [
  tlsInsecureNonLocalhost,
  exporterRemoval,
  nonEuEndpoint,
  tracesTailSampling,
  hostmetricsInterval,
  noDebugInProduction,
];

// The two product defaults (examples/otel/default-deny-*.edict) --------------

function removedExporters(input: any): string[] {
  if (input.previous == null) return [];
  return sortedKeys(input.previous.exporters).filter((id) => !Object.hasOwn(input.config.exporters, id));
}

const NO_ALLOW = { rule: "", message: "no allow rule matched" };

const defaultDenyExporterRemoval: OraclePolicy = {
  name: "otel.default_deny_exporter_removal",
  denies(input) {
    return this.violations(input).length > 0;
  },
  violations(input) {
    const overridden = input.override?.exporter_removal === true;
    return removedExporters(input).length === 0 || overridden ? [] : [NO_ALLOW];
  },
};

/** `has(e.tls) && name in e.tls && e.tls[name] == true`; a tls that is not a map is an evaluation error. */
function tlsFlag(exporter: any, name: string): boolean {
  if (!Object.hasOwn(exporter, "tls")) return false;
  const tls = exporter.tls;
  if (typeof tls !== "object" || tls === null || Array.isArray(tls)) throw new OracleError("tls: expected a map");
  return Object.hasOwn(tls, name) && tls[name] === true;
}

function endpointText(exporter: any): string {
  if (!Object.hasOwn(exporter, "endpoint")) return "";
  if (typeof exporter.endpoint !== "string") throw new OracleError("endpoint: the oracle handles strings only");
  return exporter.endpoint;
}

function offAgent(exporter: any): boolean {
  return !netIsLoopback(netHost(endpointText(exporter)));
}

function where(exporter: any): string {
  const endpoint = endpointText(exporter);
  return endpoint === "" ? "an unknown host (no endpoint)" : netHost(endpoint);
}

const defaultDenyTlsInsecure: OraclePolicy = {
  name: "otel.default_deny_tls_insecure_on_non_localhost",
  denies(input) {
    try {
      return this.violations(input).length > 0;
    } catch (e) {
      if (e instanceof OracleError) return true;
      throw e;
    }
  },
  violations(input) {
    const exporters = input.config.exporters;
    const ids = sortedKeys(exporters);
    const insecure = ids.filter((id) => tlsFlag(exporters[id], "insecure") && offAgent(exporters[id]));
    const unverified = ids.filter((id) => tlsFlag(exporters[id], "insecure_skip_verify") && offAgent(exporters[id]));
    return [
      ...insecure.map((id) => ({
        rule: "insecure_tls_off_agent",
        message: `exporter ${id} sends without TLS (tls.insecure) to ${where(exporters[id])}`,
      })),
      ...unverified.map((id) => ({
        rule: "unverified_tls_off_agent",
        message: `exporter ${id} skips certificate verification (tls.insecure_skip_verify) towards ${where(exporters[id])}`,
      })),
    ];
  },
};

/** The two built-in product defaults, stricter than seed policies 1 and 2. */
export const PRODUCT_DEFAULT_ORACLES: readonly OraclePolicy[] = [defaultDenyExporterRemoval, defaultDenyTlsInsecure];

/** Every policy of examples/otel. */
export const ALL_ORACLES: readonly OraclePolicy[] = [...ORACLE_POLICIES, ...PRODUCT_DEFAULT_ORACLES];

/** Policy name -> number of inputs it denies (the six seed policies, or those given). */
export function oracleDenyCounts(inputs: readonly object[], policies: readonly OraclePolicy[] = ORACLE_POLICIES): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const policy of policies) {
    let n = 0;
    for (const input of inputs) if (policy.denies(input)) n++;
    counts[policy.name] = n;
  }
  return counts;
}
