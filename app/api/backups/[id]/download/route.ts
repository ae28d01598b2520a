import { stat } from "node:fs/promises";
import { archivePath, getManifest } from "@/lib/backup/catalog";
import { attachmentDisposition, fileWebStream } from "@/lib/backup/file-stream";
import { handler } from "@/lib/http/handler";

// Streams the archive file; viewers may list backups but not take their data away.
export const GET = handler<{ id: string }>({ role: "operator", audit: "backup.download" }, async (_req, { id }) => {
  const manifest = await getManifest(id);
  const file = archivePath(manifest);
  const { size } = await stat(file);
  const body = fileWebStream(file);
  return new Response(body, {
    headers: {
      "Content-Type": manifest.compression === "gzip" ? "application/gzip" : "application/x-tar",
      "Content-Length": String(size),
      // Next.js drops Content-Length from route responses; the edge server (scripts/start.mjs) may restore it
      // from this one, and clients can always read it here.
      "X-Content-Length": String(size),
      "Content-Disposition": attachmentDisposition(manifest.fileName),
      "Cache-Control": "no-store",
      "X-Voldeck-Sha256": manifest.sha256,
    },
  });
});
