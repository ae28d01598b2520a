// Which volumes a policy picks, from what the engines hold right now. Pure: the scheduler calls it at every
// run, so a volume created after the policy is picked by the next run without anyone touching the policy.
import { globMatches } from "./glob";
import type { Selector } from "@/lib/api/policy-types";

/** The label that keeps a volume out of every policy, whatever the selector says. */
export const OPT_OUT_LABEL = "voldeck.backup";
export const COMPOSE_PROJECT_LABEL = "com.docker.compose.project";

export type CandidateVolume = { engine: string; name: string; labels: Record<string, string> };

export type Verdict = "selected" | "excluded" | "not-matched";

const hasLabels = (labels: Record<string, string>, wanted: Record<string, string> | undefined) =>
  Object.entries(wanted ?? {}).every(([k, v]) => labels[k] === v);

const anyLabel = (labels: Record<string, string>, unwanted: Record<string, string> | undefined) =>
  Object.entries(unwanted ?? {}).some(([k, v]) => labels[k] === v);

export const optedOut = (v: Pick<CandidateVolume, "labels">) => v.labels[OPT_OUT_LABEL]?.toLowerCase() === "false";

/**
 * "excluded" when the selector would pick the volume but an exclusion (or the opt-out label) keeps it out;
 * a volume opted out by label is "excluded" even for a selector that does not match it, because the label is
 * the owner's own answer for every policy.
 */
export function judge(selector: Selector, v: CandidateVolume): Verdict {
  if (optedOut(v)) return "excluded";
  const engines = selector.engines as string[];
  if (!(engines.length === 1 && engines[0] === "*") && !engines.includes(v.engine)) return "not-matched";
  if (!hasLabels(v.labels, selector.labels)) return "not-matched";
  if (selector.composeProject !== undefined && v.labels[COMPOSE_PROJECT_LABEL] !== selector.composeProject) return "not-matched";
  if (selector.namePattern !== undefined && !globMatches(selector.namePattern, v.name)) return "not-matched";
  const ex = selector.exclude;
  if (ex && (anyLabel(v.labels, ex.labels) || ex.names?.some((n) => n === v.name || globMatches(n, v.name)))) return "excluded";
  return "selected";
}

/** The volumes the selector picks, in the order given. */
export function selectVolumes<V extends CandidateVolume>(selector: Selector, volumes: Iterable<V>): V[] {
  const out: V[] = [];
  for (const v of volumes) if (judge(selector, v) === "selected") out.push(v);
  return out;
}
