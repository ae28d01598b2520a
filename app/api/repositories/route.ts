import { createRepositoryWithCheckBody } from "@/lib/api/repository-check-schemas";
import { handler, json, readJson } from "@/lib/http/handler";
import { wakeCheckScheduler } from "@/lib/restic/check-scheduler";
import { addRepository, listRepositories } from "@/lib/restic/repositories";
import { resticVersion } from "@/lib/restic/version";

export const GET = handler(async () => {
  await resticVersion(); // 503 with a sentence when restic is missing or too old
  return json({ repositories: await listRepositories() });
});

export const POST = handler({ role: "admin", audit: "repository.add" }, async (req, _params, ctx) => {
  const body = await readJson(req, createRepositoryWithCheckBody);
  ctx.target = body.id;
  // Where and what kind, never a secret.
  Object.assign(ctx.audit, { kind: body.kind, location: body.location, init: body.init, keyGenerated: !body.password, checkSchedule: body.checkSchedule });
  const added = await addRepository(body, ctx.principal?.username ?? null);
  if (body.checkSchedule) wakeCheckScheduler();
  return json(added, 201);
});
