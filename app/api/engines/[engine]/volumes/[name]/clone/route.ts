import { cloneBody, volumeName } from "@/lib/api/schemas";
import { startClone } from "@/lib/backup/clone";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";

type Params = { engine: string; name: string };

export const POST = handler<Params>({ audit: "volume.clone" }, async (req, { engine, name }, ctx) => {
  const source = parseParam(volumeName, name);
  const body = await readJson(req, cloneBody);
  const job = await startClone(engine, source, body);
  Object.assign(ctx.audit, { job: job.id, target: body.targetName, targetEngine: job.targetEngine, move: body.move });
  return json({ job }, 202);
});
