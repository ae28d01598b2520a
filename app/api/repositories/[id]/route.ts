import { repositoryId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam } from "@/lib/http/handler";
import { getRepository, removeRepository } from "@/lib/restic/repositories";

type Params = { id: string };

export const GET = handler<Params>(async (_req, { id }) => json(await getRepository(parseParam(repositoryId, id))));

// The repository's data stays where it is: only the console forgets it (and its secrets).
export const DELETE = handler<Params>({ role: "admin", audit: "repository.remove" }, async (_req, { id }) => {
  removeRepository(parseParam(repositoryId, id));
  return new Response(null, { status: 204 });
});
