// The benchmark and demo workload: one rollout step of an OpenTelemetry
// Collector configuration to N agents, as one policy input per agent (the
// shape is described in docs/language.md and README.md). Deterministic: a
// seeded PRNG, never Math.random, so the same options give the same JSON.
//
// Each of the six seed policies (examples/otel) has a seeded violation drawn
// per agent at the rate in RATES, and near misses that must NOT deny are
// seeded too (insecure exporters to loopback, debug exporters outside
// production, intervals of exactly 60s or 1m, removals of drained exporters
// or under an override).

/** The EU allow-list of `otel.non_eu_endpoint`. Loopback hosts are not on it. */
export const EU_HOSTS: readonly string[] = [
  "otel.eu-west-1.example.com",
  "otel.eu-central-1.example.com",
  "otel.eu-north-1.example.com",
  "ingest.eu.example.net",
  "metrics.eu.example.net",
  "logs.eu.example.net",
];

/** Hosts the policies treat as the agent itself (as `net.host` returns them). */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** Per-agent chance of a seeded violation of each seed policy. */
export const RATES = {
  tlsInsecureRemote: 0.04,
  /** Of all agents; only agents with a `previous` config (80 %) can remove, and 2 in 3 removals violate. */
  exporterRemoval: 0.05,
  nonEuEndpoint: 0.05,
  untailedTraces: 0.04,
  fastHostmetrics: 0.05,
  /** Of all agents (45 % are in production). */
  debugInProduction: 0.04,
} as const;

export interface Exporter {
  endpoint?: string;
  tls?: { insecure: boolean };
  compression?: string;
  timeout?: string;
  verbosity?: string;
}

export interface Pipeline {
  receivers: string[];
  processors: string[];
  exporters: string[];
}

export interface CollectorConfig {
  receivers: Record<string, Record<string, unknown>>;
  processors: Record<string, Record<string, unknown>>;
  exporters: Record<string, Exporter>;
  service: { pipelines: Record<string, Pipeline> };
}

export interface RolloutInput {
  tenant: string;
  now: string;
  rollout: { id: string; step: number };
  agent: {
    id: string;
    hostname: string;
    version: string;
    labels: { env: string; region: string; group: string };
  };
  config: CollectorConfig;
  previous: CollectorConfig | null;
  /** Exporter id -> number of agents currently sending through it. */
  traffic: Record<string, number>;
  override: { exporter_removal: boolean };
}

export interface RolloutOptions {
  agents?: number;
  seed?: number;
  /** 150 exporters and 150 pipelines per config, for policies that walk everything. */
  heavy?: boolean;
}

const NON_EU_HOSTS = ["otel.us-east-1.example.com", "ingest.ap-south-1.example.net", "collector.sa-east-1.example.org"];
const LOOPBACK_ENDPOINT_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
const REGIONS = ["eu-west-1", "eu-central-1", "eu-north-1"];
const GROUPS = ["payments", "search", "checkout", "edge", "batch"];
/** 20 agents in a row: 9 production, 6 staging, 5 dev (45 / 30 / 25 %). */
const ENV_CYCLE = "PSDPPSPDPSPSDSPDPSDP";
const ENV_NAMES: Record<string, string> = { P: "production", S: "staging", D: "dev" };
const EXPORTER_KINDS = ["otlphttp", "otlp", "prometheusremotewrite"] as const;
const EXPORTER_NAMES = ["eu", "primary", "backup", "archive"];
const FAST_INTERVALS = ["10s", "30s", "500ms", "59s", "45s"];
/** Includes the boundary (60s, 1m): a near miss that must be allowed. */
const SLOW_INTERVALS = ["60s", "1m", "2m", "1m30s", "5m", "1h"];
const PIPELINE_NAMES = ["traces", "metrics", "logs", "traces/sampled", "metrics/host"];

/**
 * SplitMix32: a 32-bit counter run through an avalanche mix. Small, fast and
 * good enough for test data; every draw advances the state once.
 */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ 0x5bd1e995) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return (z >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

function portAndPath(kind: (typeof EXPORTER_KINDS)[number]): string {
  if (kind === "otlp") return ":4317";
  if (kind === "otlphttp") return ":4318/v1";
  return ":9090/api/v1/write";
}

function makeExporters(rng: Random, heavy: boolean): Record<string, Exporter> {
  const count = heavy ? 150 : rng.between(2, 6);
  // At most one seeded violation of each kind per config; -1 means none.
  const insecureAt = rng.chance(RATES.tlsInsecureRemote) ? rng.below(count) : -1;
  const outsideEuAt = rng.chance(RATES.nonEuEndpoint) ? rng.below(count) : -1;
  const exporters: Record<string, Exporter> = {};
  for (let i = 0; i < count; i++) {
    const kind = rng.pick(EXPORTER_KINDS);
    const id = `${kind}/${rng.pick(EXPORTER_NAMES)}${i}`;
    const seeded = i === insecureAt || i === outsideEuAt;
    // About 10 % of exporters ship to a sidecar on the agent: plain http, tls.insecure, allowed.
    const local = !seeded && rng.chance(0.1);
    let url: string;
    if (local) url = `http://${rng.pick(LOOPBACK_ENDPOINT_HOSTS)}`;
    else url = `https://${rng.pick(i === outsideEuAt ? NON_EU_HOSTS : EU_HOSTS)}`;
    const exporter: Exporter = { endpoint: url + portAndPath(kind), tls: { insecure: local || i === insecureAt } };
    if (kind === "otlp") Object.assign(exporter, { compression: "gzip", timeout: "10s" });
    exporters[id] = exporter;
  }
  return exporters;
}

function makeReceivers(rng: Random): { receivers: CollectorConfig["receivers"]; hostmetricsId: string | null } {
  const receivers: CollectorConfig["receivers"] = {
    otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } } },
  };
  if (!rng.chance(0.7)) return { receivers, hostmetricsId: null };
  const hostmetricsId = rng.chance(0.25) ? "hostmetrics/node" : "hostmetrics";
  const fast = rng.chance(RATES.fastHostmetrics / 0.7);
  receivers[hostmetricsId] = {
    collection_interval: rng.pick(fast ? FAST_INTERVALS : SLOW_INTERVALS),
    scrapers: { cpu: {}, memory: {}, disk: {}, network: {} },
  };
  return { receivers, hostmetricsId };
}

function makeProcessors(): CollectorConfig["processors"] {
  return {
    batch: { timeout: "5s", send_batch_size: 8192 },
    memory_limiter: { check_interval: "1s", limit_mib: 512 },
    tail_sampling: { decision_wait: "10s", policies: [{ name: "errors", type: "status_code" }] },
    "tail_sampling/errors": { decision_wait: "30s", policies: [{ name: "slow", type: "latency", threshold_ms: 500 }] },
    "attributes/redact": { actions: [{ key: "user.email", action: "delete" }] },
  };
}

function pipelineNames(rng: Random, heavy: boolean): string[] {
  const count = heavy ? 150 : rng.between(2, 5);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    names.push(i < PIPELINE_NAMES.length ? PIPELINE_NAMES[i]! : `${rng.pick(["traces", "metrics", "logs"])}/p${i}`);
  }
  return names;
}

function isTraces(name: string): boolean {
  return name === "traces" || name.startsWith("traces/");
}

function makeConfig(rng: Random, heavy: boolean, env: string): CollectorConfig {
  const exporters = makeExporters(rng, heavy);
  const exporterIds = Object.keys(exporters);
  const { receivers, hostmetricsId } = makeReceivers(rng);

  const names = pipelineNames(rng, heavy);
  const traces = names.filter(isTraces); // never empty: the first name is "traces"
  const untailed = rng.chance(RATES.untailedTraces) ? rng.pick(traces) : null;
  const pipelines: Record<string, Pipeline> = {};
  for (const name of names) {
    const processors = ["memory_limiter"];
    if (isTraces(name) && name !== untailed) processors.push(rng.chance(0.7) ? "tail_sampling" : "tail_sampling/errors");
    processors.push("batch");
    if (rng.chance(0.3)) processors.push("attributes/redact");
    const sinks = new Set([rng.pick(exporterIds)]);
    if (rng.chance(0.4)) sinks.add(rng.pick(exporterIds));
    const fromHost = name.startsWith("metrics/host") && hostmetricsId !== null;
    pipelines[name] = { receivers: [fromHost ? hostmetricsId : "otlp"], processors, exporters: [...sinks] };
  }

  // Debug exporters: a violation in production, harmless (a near miss) elsewhere.
  const debug = env === "production" ? rng.chance(RATES.debugInProduction / 0.45) : rng.chance(0.15);
  if (debug) {
    const debugId = rng.chance(0.3) ? "debug/verbose" : "debug";
    exporters[debugId] = { verbosity: "detailed" };
    pipelines[rng.pick(names)]!.exporters.push(debugId);
  }
  return { receivers, processors: makeProcessors(), exporters, service: { pipelines } };
}

/** Removes one non-debug exporter from `config` and from every pipeline using it. */
function removeExporter(rng: Random, config: CollectorConfig): string {
  const removable = Object.keys(config.exporters).filter((id) => !id.startsWith("debug"));
  const removed = rng.pick(removable);
  const fallback = removable.find((id) => id !== removed)!;
  delete config.exporters[removed];
  for (const pipeline of Object.values(config.service.pipelines)) {
    pipeline.exporters = pipeline.exporters.filter((id) => id !== removed);
    if (pipeline.exporters.length === 0) pipeline.exporters.push(fallback);
  }
  return removed;
}

function makeAgentInput(rng: Random, index: number, heavy: boolean): RolloutInput {
  const env = ENV_NAMES[ENV_CYCLE[index % ENV_CYCLE.length]!]!;
  const config = makeConfig(rng, heavy, env);
  const previous = rng.chance(0.8) ? structuredClone(config) : null;
  const traffic: Record<string, number> = {};
  for (const id of Object.keys(config.exporters)) traffic[id] = rng.below(50);
  let override = rng.chance(0.05);

  if (previous !== null && rng.chance(RATES.exporterRemoval / 0.8)) {
    const removed = removeExporter(rng, config);
    // 4 in 6 removals are violations; 1 in 6 is drained (no traffic); 1 in 6 is overridden.
    const outcome = rng.below(6);
    traffic[removed] = outcome === 4 ? 0 : rng.between(1, 50);
    if (outcome === 5) override = true;
  }

  const id = `agent-${String(index + 1).padStart(4, "0")}`;
  const region = REGIONS[index % REGIONS.length]!;
  return {
    tenant: "acme",
    now: "2026-11-23T10:00:00Z",
    rollout: { id: "r-17", step: 3 },
    agent: {
      id,
      hostname: `${id}.${region}.internal`,
      version: `0.${100 + (index % 8)}.0`,
      labels: { env, region, group: GROUPS[index % GROUPS.length]! },
    },
    config,
    previous,
    traffic,
    override: { exporter_removal: override },
  };
}

/** One policy input per agent, in agent order (agent-0001, agent-0002, ...). */
export function generateRollout(options: RolloutOptions = {}): RolloutInput[] {
  const { agents = 1000, seed = 42, heavy = false } = options;
  const rng = new Random(seed);
  const inputs: RolloutInput[] = [];
  for (let i = 0; i < agents; i++) inputs.push(makeAgentInput(rng, i, heavy));
  return inputs;
}
