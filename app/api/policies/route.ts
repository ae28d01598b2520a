import { handler, json, readJson } from "@/lib/http/handler";
import { liveVolumes } from "@/lib/policies/live";
import { createPolicy, toPolicy } from "@/lib/policies/policies";
import { policyBody } from "@/lib/policies/schemas";
import { lastRuns, listPolicyRecords } from "@/lib/policies/store";
import { serverTimeZone } from "@/lib/schedule/next-runs";

/** Every policy, with its next runs, last run and how many volumes it selects now; `timeZone` as for schedules. */
export const GET = handler(async () => {
  const last = lastRuns();
  const { volumes } = await liveVolumes();
  const now = Date.now();
  const timeZone = serverTimeZone();
  return json({ policies: listPolicyRecords().map((p) => toPolicy(p, last.get(p.id) ?? null, volumes, now, timeZone)), timeZone });
});

export const POST = handler({ audit: "policy.create" }, async (req, _params, ctx) => {
  const body = await readJson(req, policyBody);
  ctx.target = body.name;
  ctx.audit.cron = body.cron;
  const p = createPolicy(body, ctx.principal?.username ?? null);
  ctx.audit.policy = p.id;
  const { volumes } = await liveVolumes();
  return json(toPolicy(p, null, volumes), 201);
});
