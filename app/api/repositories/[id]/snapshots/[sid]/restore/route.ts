import { repositoryId, snapshotId, snapshotRestoreBody } from "@/lib/api/repository-schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { startSnapshotRestore } from "@/lib/restic/restore-job";

type Params = { id: string; sid: string };

export const POST = handler<Params>({ audit: "snapshot.restore" }, async (req, { id, sid }, ctx) => {
  const body = await readJson(req, snapshotRestoreBody);
  const job = await startSnapshotRestore(parseParam(repositoryId, id), parseParam(snapshotId, sid), body);
  Object.assign(ctx.audit, { job: job.id, snapshot: sid, volume: body.volume, mode: body.mode, engine: body.engine, paths: body.paths });
  return json({ job }, 202);
});
