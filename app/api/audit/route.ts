import { z } from "zod";
import { listAudit } from "@/lib/auth/audit";
import { handler, json, parseParam } from "@/lib/http/handler";

const query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export const GET = handler({ role: "admin" }, async (req) => {
  const { limit, before } = parseParam(query, Object.fromEntries(new URL(req.url).searchParams));
  return json({ entries: listAudit({ limit, before }) });
});
