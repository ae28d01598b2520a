import { Readable } from "node:stream";
import { ApiError } from "@/lib/api/error";
import { contentQuery } from "@/lib/api/files-schemas";
import { volumeName } from "@/lib/api/schemas";
import { roleAllows } from "@/lib/auth/roles";
import { attachmentDisposition } from "@/lib/backup/file-stream";
import { defaultDataPath } from "@/lib/backup/settings";
import { fileContent } from "@/lib/files/browse";
import { handler, parseParam } from "@/lib/http/handler";

type Params = { engine: string; name: string };

// A preview is for looking (viewer, like the listing); a download takes the data away, which needs the
// operator role, as backup downloads do. Neither is audited: reads are audited only where a backup's whole
// archive leaves, and a browsing session would flood the trail.
export const GET = handler<Params>(async (req, { engine, name }, ctx) => {
  const q = parseParam(contentQuery, Object.fromEntries(new URL(req.url).searchParams));
  const preview = q.preview === "1" || q.preview === "true";
  if (!preview && ctx.principal && !roleAllows(ctx.principal.role, "operator")) {
    throw new ApiError("forbidden", `Downloading needs the operator role; you are ${ctx.principal.role}. A preview needs only viewer.`);
  }
  const content = await fileContent(engine, parseParam(volumeName, name), q.path ?? "/", preview, q.dataPath ?? defaultDataPath());
  const common = { "Cache-Control": "no-store", "X-Voldeck-Data-Path": content.dataPath, "X-Content-Type-Options": "nosniff" };
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
  if (content.size !== null) {
    headers["Content-Length"] = String(content.size);
    headers["X-Content-Length"] = String(content.size);
  }
  // Next answers HEAD with this handler and drops the body unread: it would hold its descriptor, helper
  // container and engine request forever. Let them go now.
  if (req.method === "HEAD") {
    content.body.destroy();
    return new Response(null, { headers });
  }
  return new Response(Readable.toWeb(content.body) as ReadableStream<Uint8Array>, { headers });
});
