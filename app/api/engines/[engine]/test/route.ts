import { engineId, testEngineBody } from "@/lib/api/engine-schemas";
import { engineConfig } from "@/lib/docker/clients";
import { testDraft, testEngine } from "@/lib/engines/manage";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";

type Params = { engine: string };

// Without a body: the saved engine. With the add or edit form's body: that draft, before it is saved.
export const POST = handler<Params>({ role: "admin", audit: "engine.test" }, async (req, { engine }, ctx) => {
  const text = await req.clone().text();
  if (!text.trim()) {
    engineConfig(engine); // 404 for an unknown engine
    return json(await testEngine(engine));
  }
  const id = parseParam(engineId, engine);
  const body = await readJson(req, testEngineBody);
  ctx.audit.draft = true;
  ctx.audit.url = body.url;
  return json(await testDraft(id, body));
});
