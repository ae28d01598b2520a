// Pure: the containers page's search and state filter as URL search parameters (shareable; reload and Back keep
// them). Only what differs from the defaults is written, so a plain page has a plain URL. Unit-tested.
import type { StateFilter } from "./filter";

export type ContainersUrlState = { search: string; state: StateFilter };

const STATES: readonly StateFilter[] = ["all", "running", "not-running"];
export const DEFAULT_CONTAINERS_STATE: ContainersUrlState = { search: "", state: "all" };

/** Reads the state from the URL; anything unknown falls back to its default. */
export function readContainersState(params: URLSearchParams): ContainersUrlState {
  const state = params.get("state") as StateFilter | null;
  return { search: params.get("q") ?? "", state: state && STATES.includes(state) ? state : "all" };
}

/** Writes the state into a copy of `params` (other parameters are kept). */
export function writeContainersState(params: URLSearchParams, { search, state }: ContainersUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  if (search) next.set("q", search);
  else next.delete("q");
  if (state !== "all") next.set("state", state);
  else next.delete("state");
  return next;
}
