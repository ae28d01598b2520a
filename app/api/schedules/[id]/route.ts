import { ApiError } from "@/lib/api/error";
import { SCHEDULE_ID_PATTERN, updateScheduleBody } from "@/lib/api/schedule-schemas";
import { handler, json, readJson } from "@/lib/http/handler";
import { removeSchedule, scheduleView, updateSchedule } from "@/lib/schedule/schedules";
import { runsOf } from "@/lib/schedule/store";

type Params = { id: string };

function checkId(id: string): void {
  if (!SCHEDULE_ID_PATTERN.test(id)) throw new ApiError("not_found", `There is no schedule "${id}".`, { schedule: id });
}

/** One schedule and its recent runs (extra: `runs`, newest first, at most 20). */
export const GET = handler<Params>(async (_req, { id }) => {
  checkId(id);
  return json({ ...scheduleView(id), runs: runsOf(id) });
});

export const PUT = handler<Params>({ audit: "schedule.update" }, async (req, { id }, ctx) => {
  checkId(id);
  const patch = await readJson(req, updateScheduleBody);
  ctx.audit.changes = patch;
  return json(await updateSchedule(id, patch));
});

export const DELETE = handler<Params>({ audit: "schedule.delete" }, async (_req, { id }) => {
  checkId(id);
  removeSchedule(id);
  return new Response(null, { status: 204 });
});
