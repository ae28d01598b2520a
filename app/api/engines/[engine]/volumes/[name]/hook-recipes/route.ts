import { volumeName } from "@/lib/api/schemas";
import { hookRecipes } from "@/lib/hooks/suggestions";
import { handler, json, parseParam } from "@/lib/http/handler";

type Params = { engine: string; name: string };

/** Suggested pre/post hooks for the database containers that mount this volume (extra; nothing is run). */
export const GET = handler<Params>(async (_req, { engine, name }) => {
  const volume = parseParam(volumeName, name);
  return json({ engine, volume, recipes: await hookRecipes(engine, volume) });
});
