import { ApiError } from "@/lib/api/error";
import { createVolumeBody } from "@/lib/api/schemas";
import { bindsHostPath, roleAllows } from "@/lib/auth/roles";
import { volumeListAnswer } from "@/lib/backup/volume-list-answer";
import { createVolume } from "@/lib/docker/volumes";
import { handler, json, readJson } from "@/lib/http/handler";

type Params = { engine: string };

// X-Voldeck-Source says whether the answer came from the live index or from the engine itself.
export const GET = handler<Params>(async (_req, { engine }) => {
  const { list, source } = await volumeListAnswer(engine);
  return Response.json(list, { headers: { "X-Voldeck-Source": source } });
});

export const POST = handler<Params>({ audit: "volume.create" }, async (req, { engine }, ctx) => {
  const body = await readJson(req, createVolumeBody);
  // A bind-type volume reaches any host directory: only an admin may make one.
  if (bindsHostPath(body.driver, body.driverOpts) && !roleAllows(ctx.principal!.role, "admin")) {
    throw new ApiError("forbidden", "Only an admin may create a volume that binds a host path (o=bind, type=none, device).");
  }
  const volume = await createVolume(engine, body);
  ctx.audit.volume = volume.name;
  return json(volume, 201);
});
