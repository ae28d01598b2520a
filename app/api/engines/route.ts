import { allEngineInfo } from "@/lib/docker/info";
import { handler, json } from "@/lib/http/handler";

export const GET = handler(async () => json({ engines: await allEngineInfo() }));
