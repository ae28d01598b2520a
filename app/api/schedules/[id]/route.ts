import { updateScheduleBody } from "@/lib/api/schedule-schemas";
import { handler, json, readJson } from "@/lib/http/handler";
import { removeSchedule, toSchedule, updateSchedule } from "@/lib/schedule/schedules";
import { checkScheduleId, getSchedule, runsOf } from "@/lib/schedule/store";

type Params = { id: string };

/** One schedule and its recent runs (extra: `runs`, newest first, at most 20). */
export const GET = handler<Params>(async (_req, { id }) => {
  checkScheduleId(id);
  const schedule = getSchedule(id);
  const runs = runsOf(id);
  return json({ ...toSchedule(schedule, runs[0] ?? null), runs });
});

export const PUT = handler<Params>({ audit: "schedule.update" }, async (req, { id }, ctx) => {
  checkScheduleId(id);
  const patch = await readJson(req, updateScheduleBody);
  ctx.audit.changes = patch;
  return json(await updateSchedule(id, patch));
});

export const DELETE = handler<Params>({ audit: "schedule.delete" }, async (_req, { id }) => {
  checkScheduleId(id);
  removeSchedule(id);
  return new Response(null, { status: 204 });
});
