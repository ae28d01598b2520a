import { updateRepositoryBody } from "@/lib/api/repository-check-schemas";
import { repositoryId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";
import { updateRepository } from "@/lib/restic/check-schedule";
import { wakeCheckScheduler } from "@/lib/restic/check-scheduler";
import { getRepository, removeRepository } from "@/lib/restic/repositories";

type Params = { id: string };

export const GET = handler<Params>(async (_req, { id }) => json(await getRepository(parseParam(repositoryId, id))));

// The scheduled check (docs/API-EXTENSIONS.md "Scheduled repository checks"); null removes it.
export const PUT = handler<Params>({ role: "admin", audit: "repository.update" }, async (req, { id }, ctx) => {
  const repo = parseParam(repositoryId, id);
  const body = await readJson(req, updateRepositoryBody);
  Object.assign(ctx.audit, { checkSchedule: body.checkSchedule });
  updateRepository(repo, body);
  wakeCheckScheduler();
  return json(await getRepository(repo));
});

// The repository's data stays where it is: only the console forgets it (and its secrets).
export const DELETE = handler<Params>({ role: "admin", audit: "repository.remove" }, async (_req, { id }) => {
  removeRepository(parseParam(repositoryId, id));
  return new Response(null, { status: 204 });
});
