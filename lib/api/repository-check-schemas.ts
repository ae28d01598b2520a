// A repository's scheduled check (docs/API-EXTENSIONS.md "Scheduled repository checks"): when (a cron
// expression, as schedules) and how much of the data to read back (restic's --read-data-subset). Shared by the
// server and the browser. In its own module: schedule-schemas already imports the repository schemas.
import { z } from "zod";
import { readDataSubset } from "./repository-maintenance-schemas";
import { createRepositoryBody } from "./repository-schemas";
import { cronExpression } from "./schedule-schemas";

export const checkSchedule = z.strictObject({ cron: cronExpression, readDataSubset: readDataSubset.optional() });
export type CheckSchedule = z.infer<typeof checkSchedule>;

export const createRepositoryWithCheckBody = createRepositoryBody.extend({ checkSchedule: checkSchedule.optional() });

/** PUT /api/repositories/{id}: null removes the schedule. */
export const updateRepositoryBody = z.strictObject({ checkSchedule: checkSchedule.nullable() });
export type UpdateRepositoryBody = z.infer<typeof updateRepositoryBody>;
