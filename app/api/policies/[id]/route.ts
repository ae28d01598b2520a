import { z } from "zod";
import { handler, json, readJson } from "@/lib/http/handler";
import { liveVolumes } from "@/lib/policies/live";
import { removePolicy, toPolicy, updatePolicy } from "@/lib/policies/policies";
import { selectVolumes } from "@/lib/policies/select";
import { getPolicy, runsOf } from "@/lib/policies/store";

type Params = { id: string };

/** One policy, its recent runs (newest first, at most 20) and (extra) the volumes it selects right now. */
export const GET = handler<Params>(async (_req, { id }) => {
  const p = getPolicy(id);
  const runs = runsOf(id);
  const { volumes } = await liveVolumes();
  const selected = selectVolumes(p.selector, volumes).map((v) => ({ engine: v.engine, volume: v.name }));
  return json({ ...toPolicy(p, runs[0] ?? null, volumes), runs, selected });
});

/** The fields given replace the stored ones; the result is validated as a whole (as on create). */
export const PUT = handler<Params>({ audit: "policy.update" }, async (req, { id }, ctx) => {
  getPolicy(id);
  const patch = await readJson(req, z.record(z.string(), z.unknown()));
  ctx.audit.changes = patch;
  const p = updatePolicy(id, patch);
  const { volumes } = await liveVolumes();
  return json(toPolicy(p, runsOf(id, 1)[0] ?? null, volumes));
});

export const DELETE = handler<Params>({ audit: "policy.delete" }, async (_req, { id }) => {
  removePolicy(id);
  return new Response(null, { status: 204 });
});
