import { listContainers } from "@/lib/docker/containers";
import { handler, json } from "@/lib/http/handler";

export const GET = handler<{ engine: string }>(async (_req, { engine }) => json({ containers: await listContainers(engine) }));
