import { previewQuery } from "@/lib/api/schedule-schemas";
import type { CronPreview } from "@/lib/api/schedule-types";
import { handler, json, parseParam } from "@/lib/http/handler";
import { parseCron } from "@/lib/schedule/cron";
import { describeCron } from "@/lib/schedule/describe";
import { nextRuns, serverTimeZone } from "@/lib/schedule/next-runs";

/** `?cron=…` → the expression in words and its next three runs in the server's time zone (extra); 400 for a bad one. */
export const GET = handler(async (req) => {
  const { cron: text } = parseParam(previewQuery, Object.fromEntries(new URL(req.url).searchParams));
  const cron = parseCron(text);
  const timeZone = serverTimeZone();
  const answer: CronPreview = {
    cron: cron.source,
    description: describeCron(cron),
    nextRuns: nextRuns(cron, Date.now(), timeZone).map((ms) => new Date(ms).toISOString()),
    timeZone,
  };
  return json(answer);
});
