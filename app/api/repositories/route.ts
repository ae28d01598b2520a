import { createRepositoryBody } from "@/lib/api/repository-schemas";
import { handler, json, readJson } from "@/lib/http/handler";
import { addRepository, listRepositories } from "@/lib/restic/repositories";

export const GET = handler(async () => json({ repositories: await listRepositories() }));

export const POST = handler({ role: "admin", audit: "repository.add" }, async (req, _params, ctx) => {
  const body = await readJson(req, createRepositoryBody);
  ctx.target = body.id;
  // Where and what kind, never a secret.
  Object.assign(ctx.audit, { kind: body.kind, location: body.location, init: body.init, keyGenerated: !body.password });
  return json(await addRepository(body, ctx.principal?.username ?? null), 201);
});
