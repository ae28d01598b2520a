import { createVolumeBody } from "@/lib/api/schemas";
import { createVolume, listVolumes } from "@/lib/docker/volumes";
import { handler, json, readJson } from "@/lib/http/handler";

type Params = { engine: string };

export const GET = handler<Params>(async (_req, { engine }) => json({ volumes: await listVolumes(engine) }));

export const POST = handler<Params>(async (req, { engine }) => {
  const body = await readJson(req, createVolumeBody);
  return json(await createVolume(engine, body), 201);
});
