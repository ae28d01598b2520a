import { engineConfig } from "@/lib/docker/clients";
import { listServices } from "@/lib/docker/services";
import { handler, json } from "@/lib/http/handler";

// Swarm services with the mounts their specs declare and the nodes running their tasks; [] off a manager.
export const GET = handler<{ engine: string }>(async (_req, { engine }) => {
  engineConfig(engine); // 404 for an unknown engine
  return json(await listServices(engine));
});
