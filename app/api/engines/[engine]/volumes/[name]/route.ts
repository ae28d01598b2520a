import { volumeName } from "@/lib/api/schemas";
import { getVolume, removeVolume } from "@/lib/docker/volumes";
import { handler, json, parseParam } from "@/lib/http/handler";

type Params = { engine: string; name: string };

export const GET = handler<Params>(async (_req, { engine, name }) => json(await getVolume(engine, parseParam(volumeName, name))));

export const DELETE = handler<Params>({ audit: "volume.remove" }, async (_req, { engine, name }) => {
  await removeVolume(engine, parseParam(volumeName, name));
  return new Response(null, { status: 204 });
});
