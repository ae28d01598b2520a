import { updateUserBody, username as usernameSchema } from "@/lib/api/auth-schemas";
import { deleteUser, findUser, setPassword, setRole } from "@/lib/auth/users";
import { handler, json, parseParam, readJson } from "@/lib/http/handler";

type Params = { username: string };

export const PATCH = handler<Params>({ role: "admin", audit: "user.update" }, async (req, { username }, ctx) => {
  const name = parseParam(usernameSchema, username);
  const body = await readJson(req, updateUserBody);
  // Before the change, so a refused one (the last admin) is audited with what was tried.
  ctx.audit.changed = Object.keys(body);
  if (body.role) ctx.audit.role = body.role;
  if (body.role) setRole(name, body.role);
  if (body.password) await setPassword(name, body.password);
  const { passwordHash: _, ...user } = findUser(name)!;
  return json(user);
});

export const DELETE = handler<Params>({ role: "admin", audit: "user.delete" }, async (_req, { username }) => {
  deleteUser(parseParam(usernameSchema, username));
  return new Response(null, { status: 204 });
});
