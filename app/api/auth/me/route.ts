import type { Me } from "@/lib/api/auth-schemas";
import { handler, json } from "@/lib/http/handler";

export const GET = handler(async (_req, _params, ctx) => {
  const { username, role, via } = ctx.principal!;
  return json({ user: { username, role, via } satisfies Me });
});
