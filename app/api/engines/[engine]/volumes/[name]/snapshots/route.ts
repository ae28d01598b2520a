import { snapshotBody } from "@/lib/api/repository-schemas";
import { volumeName } from "@/lib/api/schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { startSnapshot } from "@/lib/restic/snapshot-job";

type Params = { engine: string; name: string };

export const POST = handler<Params>({ audit: "snapshot.create" }, async (req, { engine, name }, ctx) => {
  const volume = parseParam(volumeName, name);
  const body = await readJson(req, snapshotBody);
  const job = await startSnapshot(engine, volume, body);
  Object.assign(ctx.audit, { job: job.id, repository: body.repository });
  return json({ job }, 202);
});
