import { updateUserBody, username as usernameSchema } from "@/lib/api/auth-schemas";
import { deleteUser, findUser, setPassword, setRole } from "@/lib/auth/users";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";

type Params = { username: string };

export const PATCH = handler<Params>({ role: "admin", audit: "user.update" }, async (req, { username }, ctx) => {
  const name = parseParam(usernameSchema, username);
  const body = await readJson(req, updateUserBody);
  if (body.role) setRole(name, body.role);
  if (body.password) await setPassword(name, body.password);
  ctx.audit.changed = Object.keys(body);
  const { passwordHash: _, ...user } = findUser(name)!;
  return json(user);
});

export const DELETE = handler<Params>({ role: "admin", audit: "user.delete" }, async (_req, { username }) => {
  deleteUser(parseParam(usernameSchema, username));
  return new Response(null, { status: 204 });
});
