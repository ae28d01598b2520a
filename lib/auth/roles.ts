// Pure: roles and what they may do. Unit-tested.
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Who is asking: a signed-in user (cookie) or a bearer token. */
export type Principal = {
  username: string;
  role: Role;
  via: "session" | "token";
  sessionId?: string;
  tokenId?: string;
};

/**
 * Driver options that reach host files (local driver bind mounts: `o=bind`, `type=none`, or a `device`
 * without a filesystem type). Only an admin may create such volumes.
 */
export function bindsHostPath(driver: string | undefined, opts: Record<string, string> | undefined): boolean {
  if (!opts || (driver && driver !== "local")) return false;
  const lower = Object.fromEntries(Object.entries(opts).map(([k, v]) => [k.toLowerCase(), v]));
  const flags = (lower.o ?? "").split(",").map((f) => f.trim().toLowerCase());
  const type = (lower.type ?? "").trim().toLowerCase();
  return flags.includes("bind") || flags.includes("rbind") || type === "none" || type === "bind" || (!!lower.device && !type);
}
