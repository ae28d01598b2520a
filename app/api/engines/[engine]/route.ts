import { updateEngineBody } from "@/lib/api/engine-schemas";
import { engineInfo } from "@/lib/docker/info";
import { ENGINE_TEST_TIMEOUT_MS, removeEngine, updateEngine } from "@/lib/engines/manage";
import { handler, json, readJson } from "@/lib/http/handler";

type Params = { engine: string };

export const GET = handler<Params>(async (_req, { engine }) => json(await engineInfo(engine)));

export const PUT = handler<Params>({ role: "admin", audit: "engine.update" }, async (req, { engine }, ctx) => {
  const body = await readJson(req, updateEngineBody);
  // Which parts changed, never the material itself.
  ctx.audit.changed = Object.keys(body);
  if (body.url) ctx.audit.url = body.url;
  updateEngine(engine, body);
  // A changed address, key or credentials means a new connection (an SSH handshake): the answer waits as long as
  // an engine test would, not a list's 3 s.
  return json(await engineInfo(engine, ENGINE_TEST_TIMEOUT_MS));
});

export const DELETE = handler<Params>({ role: "admin", audit: "engine.remove" }, async (_req, { engine }, ctx) => {
  const { pausedSchedules } = removeEngine(engine);
  if (pausedSchedules.length) ctx.audit.pausedSchedules = pausedSchedules;
  return new Response(null, { status: 204 });
});
