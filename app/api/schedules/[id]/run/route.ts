import { handler, json } from "@/lib/http/handler";
import { startRun } from "@/lib/schedule/run";
import { checkScheduleId, getSchedule } from "@/lib/schedule/store";

/** Runs the schedule now, through the same code as a scheduled run (retention included). 409 while the volume is busy. */
export const POST = handler<{ id: string }>({ audit: "schedule.run-now" }, async (_req, { id }, ctx) => {
  checkScheduleId(id);
  const schedule = getSchedule(id);
  ctx.audit.volume = schedule.volume;
  ctx.audit.engine = schedule.engine;
  const job = await startRun(schedule, { dueAt: null, trigger: "manual", actor: ctx.principal?.username ?? null });
  ctx.audit.job = job.id;
  return json({ job }, 202);
});
