import { repositoryId, snapshotsQuery } from "@/lib/api/repository-schemas";
import { handler, json, parseParam } from "@/lib/http/handler";
import { repoInvocation } from "@/lib/restic/repositories";
import { listSnapshots } from "@/lib/restic/snapshots";

export const GET = handler<{ id: string }>(async (req, { id }) => {
  const q = parseParam(snapshotsQuery, Object.fromEntries(new URL(req.url).searchParams));
  return json({ snapshots: await listSnapshots(repoInvocation(parseParam(repositoryId, id)), q) });
});
