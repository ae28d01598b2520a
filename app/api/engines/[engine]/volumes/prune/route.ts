import { pruneBody, volumeName } from "@/lib/api/schemas";
import { getVolume, pruneVolumes, removeVolume } from "@/lib/docker/volumes";
import { handler, json, readJson } from "@/lib/http/handler";

type Params = { engine: string };

export const POST = handler<Params>({ audit: "volume.prune" }, async (req, { engine }, ctx) => {
  const body = await readJson(req, pruneBody);
  const targets = body.volumes.map((v) => (typeof v === "string" ? { name: v } : v));
  const result = await pruneVolumes(engine, targets);
  ctx.audit.removed = result.removed;
  ctx.audit.skipped = result.skipped;
  ctx.audit.reclaimedBytes = result.reclaimedBytes;
  return json(result);
});

// This static segment shadows a volume that is itself named "prune": answer for it here.
const PRUNE = volumeName.parse("prune");
export const GET = handler<Params>(async (_req, { engine }) => json(await getVolume(engine, PRUNE)));
export const DELETE = handler<Params>({ audit: "volume.remove" }, async (_req, { engine }) => {
  await removeVolume(engine, PRUNE);
  return new Response(null, { status: 204 });
});
