// Backup policies (API.md: "Policies, coverage, metrics, drills"), shared by server and browser.
import type { z } from "zod";
import type { policyBody } from "@/lib/policies/schemas";

export type PolicyDefinition = z.output<typeof policyBody>;
export type Selector = PolicyDefinition["selector"];
export type PolicyHooks = NonNullable<PolicyDefinition["hooks"]>;

export type PolicyRunState = "running" | "succeeded" | "failed" | "interrupted";
export type PolicyVolumeState = "queued" | "running" | "succeeded" | "failed" | "interrupted";

export type PolicyRunVolume = {
  engine: string;
  volume: string;
  state: PolicyVolumeState;
  jobId: string | null;
  /** The backup id (tar) or snapshot id (repository) it made. */
  artifact: string | null;
  error: string | null;
  finishedAt: string | null;
};

export type PolicyRun = {
  id: number;
  /** When the run started. */
  at: string;
  state: PolicyRunState;
  /** The due time it ran for; null for "run now". */
  dueAt: string | null;
  finishedAt: string | null;
  trigger: "schedule" | "manual";
  actor: string | null;
  error: string | null;
  volumes: PolicyRunVolume[];
};

export type Policy = PolicyDefinition & {
  id: string;
  /** The next three runs (ISO instants), whether or not the policy is paused. */
  nextRuns: string[];
  lastRun: PolicyRun | null;
  /** How many volumes the selector picks right now, on the engines that answer. */
  matches: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PoliciesAnswer = { policies: Policy[]; timeZone: string };
export type PolicyDetail = Policy & { runs: PolicyRun[]; selected: { engine: string; volume: string }[] };
