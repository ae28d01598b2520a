import { createUserBody } from "@/lib/api/auth-schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { handler, json, readJson } from "@/lib/http/handler";

export const GET = handler({ role: "admin" }, async () => json({ users: listUsers() }));

export const POST = handler({ role: "admin", audit: "user.create" }, async (req, _params, ctx) => {
  const { username, password, role } = await readJson(req, createUserBody);
  ctx.target = username;
  ctx.audit.role = role;
  return json(await createUser(username, password, role), 201);
});
