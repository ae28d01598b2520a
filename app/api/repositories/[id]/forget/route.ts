import { forgetBody } from "@/lib/api/repository-maintenance-schemas";
import { repositoryId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { forgetDryRun, startForget } from "@/lib/restic/forget-job";

// Operators, as for deleting a tar backup (a volume's newest snapshot is never removed).
export const POST = handler<{ id: string }>({ audit: "repository.forget" }, async (req, { id }, ctx) => {
  const repo = parseParam(repositoryId, id);
  const body = await readJson(req, forgetBody);
  Object.assign(ctx.audit, { keep: body.keep, engine: body.engine, volume: body.volume, prune: body.prune, dryRun: body.dryRun });
  if (body.dryRun) return json(await forgetDryRun(repo, body));
  const job = await startForget(repo, body, ctx.principal?.username ?? null);
  ctx.audit.job = job.id;
  return json({ job }, 202);
});
