// GET /api/volumes: every engine's volumes at once (shared/API.md "Several engines and Swarm").
import type { Volume } from "./types";

export type EngineVolume = Volume & { engine: string };

export type EngineListing = {
  id: string;
  ok: boolean;
  /** Why the engine's volumes are missing (down, refused, too slow). */
  error?: string;
  /** Extra: how long this engine took, in milliseconds. */
  ms: number;
  /** Extra: "index" (in-memory, kept from the event stream), "engine" (asked for this request), "events"
   *  (its event stream already says it is down: answered at once, without asking it) or "slow" (it missed the
   *  deadline lately: answered at once while it is asked again in the background). */
  source?: "index" | "engine" | "events" | "slow";
};

export type AllVolumes = { volumes: EngineVolume[]; engines: EngineListing[] };
