import { restoreBody } from "@/lib/api/schemas";
import { startRestore } from "@/lib/backup/restore";
import { handler, json, readJson } from "@/lib/http/handler";

export const POST = handler<{ id: string }>({ audit: "backup.restore" }, async (req, { id }, ctx) => {
  const body = await readJson(req, restoreBody);
  const job = await startRestore(id, body, ctx.principal?.role === "admin");
  Object.assign(ctx.audit, { job: job.id, backup: id, volume: body.volume, mode: body.mode, engine: job.engine });
  return json({ job }, 202);
});
