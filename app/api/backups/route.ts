import { uploadQuery } from "@/lib/api/schemas";
import { listBackupsReport } from "@/lib/backup/catalog";
import { receiveUpload } from "@/lib/backup/upload";
import { handler, json, parseParam } from "@/lib/http/handler";

export const GET = handler(async () => json(await listBackupsReport()));

// Upload: the raw archive (tar or tar.gz) is the body; streamed to disk, never buffered whole.
export const POST = handler({ audit: "backup.upload" }, async (req, _params, ctx) => {
  const { volume } = parseParam(uploadQuery, Object.fromEntries(new URL(req.url).searchParams));
  const backup = await receiveUpload(req.body, volume, req.signal);
  ctx.audit.backup = backup.id;
  ctx.audit.volume = volume;
  return json(backup, 201);
});
