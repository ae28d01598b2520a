import { createTokenBody } from "@/lib/api/auth-schemas";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { handler, json, readJson } from "@/lib/http/handler";

export const GET = handler({ role: "admin" }, async () => json({ tokens: listTokens() }));

// The secret is in this answer only; the server keeps its hash.
export const POST = handler({ role: "admin", audit: "token.create" }, async (req, _params, ctx) => {
  const { name, role, expiresAt } = await readJson(req, createTokenBody);
  const { token, secret } = createToken(name, role, ctx.principal!.username, expiresAt ?? null);
  ctx.target = token.id;
  ctx.audit.name = name;
  ctx.audit.role = role;
  ctx.audit.expiresAt = token.expiresAt;
  return json({ token, secret }, 201);
});
