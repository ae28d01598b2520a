import { outageSentence } from "@/components/shell/engine-outage";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import { RawErrorDetails } from "../RawErrorDetails";

const ROLE_WORDS = { manager: "Swarm manager", worker: "Swarm worker", none: "no Swarm" } as const;

/** Version, API version and Swarm role of an engine that answered. */
export function engineFacts(e: { version?: string | null; apiVersion?: string | null; swarmRole?: keyof typeof ROLE_WORDS | null }): string {
  return [e.version && `Docker ${e.version}`, e.apiVersion && `API ${e.apiVersion}`, e.swarmRole && ROLE_WORDS[e.swarmRole]].filter(Boolean).join(" · ");
}

/**
 * A coloured dot (decorative) and the same fact in words. An unreachable engine gets a sentence a person can act
 * on (the banner's, components/shell/engine-outage.ts); the engine's raw error stays under "Details".
 */
export function EngineStatus({ engine }: { engine: Engine }) {
  return (
    <span className="flex items-start gap-2">
      <span aria-hidden className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${engine.reachable ? "bg-ok" : "bg-danger"}`} />
      {engine.reachable ? (
        <span>
          <span className="sr-only">Reachable: </span>
          {engineFacts(engine)}
        </span>
      ) : (
        <span className="min-w-0">
          <span className="font-medium text-danger-fg">Unreachable.</span> <span className="text-fg-muted">{outageSentence(engine.error)}</span>
          {engine.error && <RawErrorDetails raw={engine.error} />}
        </span>
      )}
    </span>
  );
}

/** The answer of "Test connection", announced to screen readers as it arrives. */
export function TestOutcome({ result, pending, error }: { result?: EngineTestResult; pending: boolean; error?: unknown }) {
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {pending && <p className="text-fg-muted">Testing the connection…</p>}
      {!pending && error ? <p className="text-danger-fg">The test could not run: {error instanceof Error ? error.message : String(error)}</p> : null}
      {!pending && result?.ok && <p className="text-ok-fg">Connected: {engineFacts(result)}.</p>}
      {!pending && result && !result.ok && <p className="text-danger-fg">Connection failed: {result.error}</p>}
    </div>
  );
}
