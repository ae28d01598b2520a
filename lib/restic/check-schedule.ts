import "server-only";
import { ApiError } from "@/lib/api/error";
import type { UpdateRepositoryBody } from "@/lib/api/repository-check-schemas";
import type { Repository } from "@/lib/api/repository-types";
import { parseCron } from "@/lib/schedule/cron";
import { nextRun, serverTimeZone } from "@/lib/schedule/next-runs";
import { setCheckSchedule, type RepoRow } from "./store";

// A repository's scheduled check as the API shows it, and its change (PUT /api/repositories/{id}). The check
// itself is run by lib/restic/check-scheduler.ts.

/** The next due time counts from the last one handled: a check waiting for a busy repository shows a time past. */
export function checkScheduleView(s: NonNullable<RepoRow["checkSchedule"]>): NonNullable<Repository["checkSchedule"]> {
  const next = nextRun(parseCron(s.cron), Date.parse(s.handledUntil), serverTimeZone());
  return { cron: s.cron, ...(s.readDataSubset ? { readDataSubset: s.readDataSubset } : {}), nextAt: next === null ? null : new Date(next).toISOString() };
}

export function updateRepository(id: string, body: UpdateRepositoryBody): void {
  if (!setCheckSchedule(id, body.checkSchedule)) throw new ApiError("not_found", `There is no repository "${id}".`, { repository: id });
}
