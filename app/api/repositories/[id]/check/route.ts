import { checkBody } from "@/lib/api/repository-maintenance-schemas";
import { repositoryId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { startCheck } from "@/lib/restic/check-job";

// Admin only: a check with a read-data subset downloads that share of the repository (costly on a remote).
export const POST = handler<{ id: string }>({ role: "admin", audit: "repository.check" }, async (req, { id }, ctx) => {
  const repo = parseParam(repositoryId, id);
  const body = await readJson(req, checkBody);
  const job = await startCheck(repo, body, ctx.principal?.username ?? null);
  Object.assign(ctx.audit, { job: job.id, readDataSubset: body.readDataSubset });
  return json({ job }, 202);
});
