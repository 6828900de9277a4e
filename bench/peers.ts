// The six seed policies as CEL expressions for the JavaScript CEL peers
// (@marcbachmann/cel-js and @bufbuild/cel). Each peer gets the same two host
// functions Edict has built in (`host`, `isLoopback`), implemented with the
// project's own runtime/lib so every engine parses endpoints identically.
import { Environment } from "@marcbachmann/cel-js";
import { celEnv, celFunc, CelScalar, parse as bufParse, plan as bufPlan, isCelError } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { netHost, netIsLoopback } from "../runtime/lib/net.js";
import { EU_HOSTS } from "./workload.js";

const euList = `[${EU_HOSTS.map((h) => JSON.stringify(h)).join(", ")}]`;

/** Policy name -> CEL expression that is true when the policy denies. */
export const PEER_EXPRESSIONS: Record<string, string> = {
  "otel.tls_insecure_non_localhost": `config.exporters.exists(id,
      "tls" in config.exporters[id] && "insecure" in config.exporters[id].tls && config.exporters[id].tls.insecure == true
      && "endpoint" in config.exporters[id] && !isLoopback(host(config.exporters[id].endpoint)))`,
  "otel.exporter_removal": `previous != null && !("exporter_removal" in override && override.exporter_removal == true)
      && previous.exporters.exists(id, !(id in config.exporters) && id in traffic && traffic[id] > 0.0)`,
  "otel.non_eu_endpoint": `config.exporters.exists(id, "endpoint" in config.exporters[id]
      && !isLoopback(host(config.exporters[id].endpoint)) && !(host(config.exporters[id].endpoint) in ${euList}))`,
  "otel.traces_tail_sampling": `config.service.pipelines.exists(name,
      (name == "traces" || name.startsWith("traces/"))
      && !("processors" in config.service.pipelines[name] && config.service.pipelines[name].processors.exists(p,
            p == "tail_sampling" || p.startsWith("tail_sampling/"))))`,
  "otel.hostmetrics_interval": `config.receivers.exists(id, (id == "hostmetrics" || id.startsWith("hostmetrics/"))
      && "collection_interval" in config.receivers[id]
      && duration(config.receivers[id].collection_interval) < duration("60s"))`,
  "otel.no_debug_in_production": `agent.labels.env == "production" && config.service.pipelines.exists(n,
      config.service.pipelines[n].exporters.exists(e, e == "debug" || e.startsWith("debug/")))`,
};

export type PeerEvaluator = (input: Record<string, unknown>) => Record<string, boolean>;

const VARIABLES = ["agent", "config", "previous", "traffic", "override"];

export function celJsPeer(): PeerEvaluator {
  const env = new Environment({ unlistedVariablesAreDyn: true } as never)
    .registerFunction("host(string): string", (s: string) => netHost(s))
    .registerFunction("isLoopback(string): bool", (s: string) => netIsLoopback(s));
  for (const v of VARIABLES) env.registerVariable(v, "dyn");
  const compiled = Object.entries(PEER_EXPRESSIONS).map(([name, expr]) => [name, env.parse(expr)] as const);
  return (input) => {
    const out: Record<string, boolean> = {};
    for (const [name, program] of compiled) out[name] = program(input) === true;
    return out;
  };
}

export function bufCelPeer(): PeerEvaluator {
  const env = celEnv({
    funcs: [
      ...strings,
      celFunc("host", [CelScalar.STRING], CelScalar.STRING, (s) => netHost(s)),
      celFunc("isLoopback", [CelScalar.STRING], CelScalar.BOOL, (s) => netIsLoopback(s)),
    ],
  });
  const compiled = Object.entries(PEER_EXPRESSIONS).map(([name, expr]) => [name, bufPlan(env, bufParse(expr))] as const);
  return (input) => {
    const out: Record<string, boolean> = {};
    for (const [name, program] of compiled) {
      const result = program(input as never);
      if (isCelError(result)) throw new Error(`@bufbuild/cel failed on ${name}: ${String(result.message ?? result)}`);
      out[name] = result === true;
    }
    return out;
  };
}
