import { ApiError } from "@/lib/api/error";
import { deleteBackup, getManifest, toBackup } from "@/lib/backup/catalog";
import { handler, json } from "@/lib/http/handler";
import { busyWith } from "@/lib/jobs/registry";

type Params = { id: string };

export const GET = handler<Params>(async (_req, { id }) => json(toBackup(await getManifest(id))));

export const DELETE = handler<Params>({ audit: "backup.delete" }, async (_req, { id }) => {
  await getManifest(id); // 404 first
  const busy = busyWith([`write:backup/${id}`]);
  if (busy) throw new ApiError("conflict", `Job ${busy.id} is restoring from this backup; delete it when that is done.`, { job: busy.id });
  await deleteBackup(id);
  return new Response(null, { status: 204 });
});
