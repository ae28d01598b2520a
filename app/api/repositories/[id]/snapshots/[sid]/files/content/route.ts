import { Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import { contentQuery } from "@/lib/api/files-schemas";
import { repositoryId, snapshotId } from "@/lib/api/repository-schemas";
import { roleAllows } from "@/lib/auth/roles";
import { attachmentDisposition } from "@/lib/backup/file-stream";
import { handler, parseParam } from "@/lib/http/handler";
import { snapshotFileContent } from "@/lib/restic/browse";
import { repoInvocation } from "@/lib/restic/repositories";

type Params = { id: string; sid: string };

// As a live volume's content route: a preview needs viewer, a download (the data leaves) operator.
export const GET = handler<Params>(async (req, { id, sid }, ctx) => {
  const q = parseParam(contentQuery, Object.fromEntries(new URL(req.url).searchParams));
  const preview = q.preview === "1" || q.preview === "true";
  if (!preview && ctx.principal && !roleAllows(ctx.principal.role, "operator")) {
    throw new ApiError("forbidden", `Downloading needs the operator role; you are ${ctx.principal.role}. A preview needs only viewer.`);
  }
  const inv = repoInvocation(parseParam(repositoryId, id));
  const content = await snapshotFileContent(inv, parseParam(snapshotId, sid), q.path ?? "/", preview);
  const common = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (content.kind === "preview") {
    return new Response(new Uint8Array(content.text), {
      headers: {
        ...common,
        "Content-Type": "text/plain; charset=utf-8",
        "X-Voldeck-File-Size": String(content.size),
        "X-Voldeck-Truncated": String(content.truncated),
      },
    });
  }
  const headers: Record<string, string> = {
    ...common,
    "Content-Type": content.kind === "directory" ? "application/gzip" : "application/octet-stream",
    "Content-Disposition": attachmentDisposition(content.fileName),
  };
  if (content.size !== null) headers["Content-Length"] = String(content.size);
  if (req.method === "HEAD") {
    content.body.destroy();
    return new Response(null, { headers });
  }
  return new Response(Readable.toWeb(content.body) as ReadableStream<Uint8Array>, { headers });
});
