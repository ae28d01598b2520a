import { filesQuery } from "@/lib/api/files-schemas";
import { volumeName } from "@/lib/api/schemas";
import { defaultDataPath } from "@/lib/backup/settings";
import { listFiles } from "@/lib/files/browse";
import { handler, parseParam } from "@/lib/http/handler";

type Params = { engine: string; name: string };

// Listing a directory is reading metadata, as the volume page does: the viewer role suffices.
export const GET = handler<Params>(async (req, { engine, name }) => {
  const q = parseParam(filesQuery, Object.fromEntries(new URL(req.url).searchParams));
  const listing = await listFiles(engine, parseParam(volumeName, name), {
    ...q,
    path: q.path ?? "/",
    cursor: q.cursor ?? null,
    dataPath: q.dataPath ?? defaultDataPath(),
    signal: req.signal,
  });
  return Response.json(listing, { headers: { "Cache-Control": "no-store", "X-Voldeck-Data-Path": listing.dataPath } });
});
