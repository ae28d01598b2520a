import { prunePreviewBody } from "@/lib/api/schemas";
import { prunePreview } from "@/lib/docker/volumes";
import { handler, json, readJson } from "@/lib/http/handler";

export const POST = handler<{ engine: string }>(async (req, { engine }) => {
  const { all, unusedForDays } = await readJson(req, prunePreviewBody);
  return json(await prunePreview(engine, all, unusedForDays));
});
