import { allVolumesJson, listAllVolumes } from "@/lib/docker/all-engines";
import { handler } from "@/lib/http/handler";

// `?engine=a&engine=b` narrows the fan-out to those engines (the all-engines page asks one engine per request
// so that each engine's rows show as soon as that engine answers); by default every engine is asked.
export const GET = handler(async (req) => {
  const only = new URL(req.url).searchParams.getAll("engine").filter(Boolean);
  const text = allVolumesJson(await listAllVolumes(only));
  return new Response(text, { headers: { "Content-Type": "application/json" } });
});
