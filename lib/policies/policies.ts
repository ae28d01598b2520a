import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/error";
import { hasEngine } from "@/lib/docker/clients";
import { findRepoRow } from "@/lib/restic/store";
import { parseCron } from "@/lib/schedule/cron";
import { nextRuns, serverTimeZone } from "@/lib/schedule/next-runs";
import type { LiveVolume } from "./live";
import { wakePolicyScheduler } from "./scheduler";
import { policyBody } from "./schemas";
import { selectVolumes } from "./select";
import { definitionOf, deletePolicy, getPolicy, insertPolicy, savePolicy, type PolicyRecord } from "./store";
import type { Policy, PolicyDefinition, PolicyRun } from "@/lib/api/policy-types";

// The policies API's work: definitions in, Policies (with next runs, the last run and the current match count) out.

export function toPolicy(p: PolicyRecord, lastRun: PolicyRun | null, live: LiveVolume[], now = Date.now(), timeZone = serverTimeZone()): Policy {
  const { handledUntil: _h, ...rest } = p;
  return {
    ...rest,
    nextRuns: nextRuns(parseCron(p.cron), now, timeZone).map((ms) => new Date(ms).toISOString()),
    lastRun,
    matches: selectVolumes(p.selector, live).length,
  };
}

/** A repository target must name a repository the console knows (400, on the field). */
function checkTarget(d: PolicyDefinition): void {
  if (d.target.kind === "repository" && !findRepoRow(d.target.repository)) {
    const message = `There is no repository "${d.target.repository}".`;
    throw new ApiError("invalid_input", message, { issues: [{ path: "target.repository", message }] });
  }
}

/** A drill's engine must be one the console knows (400, on the field); whether it is up is the drill's concern. */
function checkDrillEngine(d: PolicyDefinition): void {
  const engine = d.drill?.engine;
  if (engine && !hasEngine(engine)) {
    const message = `There is no engine "${engine}" to restore drills on.`;
    throw new ApiError("invalid_input", message, { issues: [{ path: "drill.engine", message }] });
  }
}

const normalise = (d: PolicyDefinition): PolicyDefinition => ({ ...d, cron: parseCron(d.cron).source });

export function createPolicy(d: PolicyDefinition, createdBy: string | null): PolicyRecord {
  checkTarget(d);
  checkDrillEngine(d);
  const p = insertPolicy(normalise(d), createdBy);
  wakePolicyScheduler();
  return p;
}

/** PUT: the fields given replace the stored ones (a whole field at a time: `selector` is replaced, not merged). */
export function updatePolicy(id: string, patch: Record<string, unknown>): PolicyRecord {
  const old = getPolicy(id);
  const parsed = policyBody.safeParse({ ...definitionOf(old), ...patch });
  if (!parsed.success) throw new z.ZodError(parsed.error.issues);
  checkTarget(parsed.data);
  checkDrillEngine(parsed.data);
  const now = new Date().toISOString();
  const next: PolicyRecord = { ...old, ...normalise(parsed.data), updatedAt: now };
  // A new expression, or a resumed policy, starts from now: runs missed while paused are not caught up.
  if (next.cron !== old.cron || (next.enabled && !old.enabled)) next.handledUntil = now;
  savePolicy(next);
  wakePolicyScheduler();
  return next;
}

export function removePolicy(id: string): void {
  getPolicy(id); // 404 first
  deletePolicy(id);
}
