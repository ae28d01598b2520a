// Pure: what the header and the banner say about an engine that is down or not answering, in sentences a
// person can act on. The engine's raw error (`connect ENOENT /run/docker.sock`) is kept for a <details>.
import type { EngineHealth } from "./EngineHealth";
import type { LiveState } from "./useEngineEvents";

const causes: [RegExp, string][] = [
  [/ENOENT|no such file/i, "Nothing is listening at the engine's address: Docker is not running there, or the socket path is wrong."],
  [/ECONNREFUSED|refused/i, "The engine's address refused the connection: Docker is not running there, or listens elsewhere."],
  [/EACCES|EPERM|permission denied/i, "The console may not open the engine's socket (permission denied)."],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, "The engine's host name could not be resolved."],
  [/EHOSTUNREACH|ENETUNREACH/i, "The engine's host cannot be reached over the network."],
  [/certificate|TLS|SSL/i, "The secure connection to the engine failed (its certificate or keys)."],
  [/did not answer|timed? ?out|ETIMEDOUT/i, "The engine did not answer in time: it may be paused, overloaded or behind a firewall."],
  [/closed its event stream|socket hang up|ECONNRESET/i, "The connection to the engine broke off."],
];

/** A sentence for the engine's raw error. */
export function outageSentence(error: string | null | undefined): string {
  const text = error ?? "";
  for (const [pattern, sentence] of causes) if (pattern.test(text)) return sentence;
  return "The engine cannot be reached.";
}

/** The health every page under `engine` reads (components/shell/EngineHealth.tsx). */
export function healthOf(engine: string, live: LiveState): EngineHealth {
  const asOf = live.troubleSince === null ? null : new Date(live.troubleSince).toISOString();
  if (live.engineDown !== null) {
    return { engine, state: "down", asOf, writesDisabledReason: `The engine "${engine}" cannot be reached; what is shown may be out of date.` };
  }
  if (live.notAnswering !== null) {
    return {
      engine,
      state: "not_answering",
      asOf,
      writesDisabledReason: `The engine "${engine}" is not responding (paused or overloaded); what is shown may be out of date.`,
    };
  }
  return { engine, state: live.connected ? "live" : "connecting", asOf: null, writesDisabledReason: null };
}

/** The words of the header's live state. */
export const liveLabel: Record<EngineHealth["state"], string> = {
  live: "live",
  connecting: "connecting",
  not_answering: "not responding",
  down: "unreachable",
};
