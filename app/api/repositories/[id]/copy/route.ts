import { copyBody } from "@/lib/api/repository-maintenance-schemas";
import { repositoryId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { startCopy } from "@/lib/restic/copy-job";

// Operators, as for taking a snapshot: a copy adds snapshots to the destination and removes nothing.
export const POST = handler<{ id: string }>({ audit: "repository.copy" }, async (req, { id }, ctx) => {
  const repo = parseParam(repositoryId, id);
  const body = await readJson(req, copyBody);
  Object.assign(ctx.audit, { to: body.to, engine: body.engine, volume: body.volume });
  const job = await startCopy(repo, body);
  ctx.audit.job = job.id;
  return json({ job }, 202);
});
