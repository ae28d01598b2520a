import { createScheduleBody } from "@/lib/api/schedule-schemas";
import { handler, json, readJson } from "@/lib/http/handler";
import { serverTimeZone } from "@/lib/schedule/next-runs";
import { createSchedule, toSchedule } from "@/lib/schedule/schedules";
import { lastRuns, listScheduleRecords } from "@/lib/schedule/store";

/** Every schedule, with its next runs and last run; `timeZone` (extra) is the zone cron expressions are read in. */
export const GET = handler(async () => {
  const last = lastRuns();
  const now = Date.now();
  const timeZone = serverTimeZone();
  return json({ schedules: listScheduleRecords().map((s) => toSchedule(s, last.get(s.id) ?? null, now, timeZone)), timeZone });
});

export const POST = handler({ audit: "schedule.create" }, async (req, _params, ctx) => {
  const body = await readJson(req, createScheduleBody);
  ctx.target = body.volume;
  ctx.audit.engine = body.engine;
  ctx.audit.cron = body.cron;
  const schedule = await createSchedule(body, ctx.principal?.username ?? null);
  ctx.audit.schedule = schedule.id;
  return json(schedule, 201);
});
