import { diffQuery, repositoryId, snapshotId } from "@/lib/api/repository-schemas";
import { handler, json, parseParam } from "@/lib/http/handler";
import { diffSnapshot } from "@/lib/restic/diff-run";
import { repoInvocation } from "@/lib/restic/repositories";

type Params = { id: string; sid: string };

export const GET = handler<Params>(async (req, { id, sid }) => {
  const q = parseParam(diffQuery, Object.fromEntries(new URL(req.url).searchParams));
  return json(await diffSnapshot(repoInvocation(parseParam(repositoryId, id)), parseParam(snapshotId, sid), q.against, undefined, req.signal));
});
