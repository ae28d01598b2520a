import { createEngineBody } from "@/lib/api/engine-schemas";
import { allEngineInfo, engineInfo } from "@/lib/docker/info";
import { addEngine, ENGINE_TEST_TIMEOUT_MS } from "@/lib/engines/manage";
import { handler, json, readJson } from "@/lib/http/handler";

export const GET = handler(async () => json({ engines: await allEngineInfo() }));

export const POST = handler({ role: "admin", audit: "engine.add" }, async (req, _params, ctx) => {
  const body = await readJson(req, createEngineBody);
  ctx.target = body.id;
  // What was configured, never the material itself.
  Object.assign(ctx.audit, { url: body.url, tls: Boolean(body.tls), ssh: Boolean(body.ssh) });
  const config = addEngine(body, ctx.principal?.username ?? null);
  // Added even when it does not answer yet: its status says why (with the deadline of an engine test).
  return json(await engineInfo(config.id, ENGINE_TEST_TIMEOUT_MS), 201);
});
