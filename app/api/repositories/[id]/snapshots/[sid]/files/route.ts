import { filesQuery } from "@/lib/api/files-schemas";
import { repositoryId, snapshotId } from "@/lib/api/repository-schemas";
import { handler, parseParam } from "@/lib/http/handler";
import { listSnapshotFiles } from "@/lib/restic/browse";
import { repoInvocation } from "@/lib/restic/repositories";

type Params = { id: string; sid: string };

export const GET = handler<Params>(async (req, { id, sid }) => {
  const q = parseParam(filesQuery, Object.fromEntries(new URL(req.url).searchParams));
  const inv = repoInvocation(parseParam(repositoryId, id));
  const listing = await listSnapshotFiles(inv, parseParam(snapshotId, sid), q.path ?? "/", { ...q, cursor: q.cursor ?? null }, req.signal);
  return Response.json(listing, { headers: { "Cache-Control": "no-store" } });
});
