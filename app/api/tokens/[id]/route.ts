import { z } from "zod";
import { revokeToken } from "@/lib/auth/tokens";
import { handler, parseParam } from "@/lib/http/handler";

export const DELETE = handler<{ id: string }>({ role: "admin", audit: "token.revoke" }, async (_req, { id }, ctx) => {
  ctx.audit.name = revokeToken(parseParam(z.string().regex(/^[0-9a-f]{12}$/, "Not a token id."), id)).name;
  return new Response(null, { status: 204 });
});
