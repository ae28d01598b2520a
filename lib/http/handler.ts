import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/error";
import { beginAudit, finishAudit, recordAudit, type AuditInput } from "@/lib/auth/audit";
import { authenticate } from "@/lib/auth/authenticate";
import { clientIp, isSameOrigin, isStateChanging } from "@/lib/auth/request";
import { roleAllows, type Principal, type Role } from "@/lib/auth/roles";
import { diskFullError, diskFullMessage, isDiskFull } from "@/lib/store/disk-full";

// Route handlers stay short: parse → authorise → lib call → Response. This wrapper authenticates (before
// anything is looked up), checks the role and, for cookie-authenticated writes, the request's origin; it
// writes the audit trail for every write — before acting, so an action is never carried out unrecorded (see
// lib/auth/audit.ts); and whatever is thrown becomes the API's error shape — nothing else (no stack, no HTML
// page) ever leaves an /api route; a full data directory answers 507 for every route. The Host check (DNS rebinding) happens earlier,
// in the edge server (scripts/start.mjs), for pages and API alike.

export type RequestContext = {
  principal: Principal | null;
  ip: string | null;
  /** Extra facts for this request's audit line (what a prune removed, a job id, …). */
  audit: Record<string, unknown>;
  /** What the audit line names when the path does not (the name a sign-in tries, a new user or token). */
  target?: string;
};

export type Access = {
  /** Needed role; by default "viewer" for GET/HEAD and "operator" for anything else. */
  role?: Role;
  /** No credentials needed (health, login, setup). */
  public?: boolean;
  /** Audit action name; writes are always audited (as "METHOD /path" when unnamed), reads only when named. */
  audit?: string;
};

type Ctx<P> = { params: Promise<P> };
type Fn<P> = (req: Request, params: P, ctx: RequestContext) => Promise<Response>;

export function handler<P = Record<string, never>>(fn: Fn<P>): (req: Request, ctx: Ctx<P>) => Promise<Response>;
export function handler<P = Record<string, never>>(access: Access, fn: Fn<P>): (req: Request, ctx: Ctx<P>) => Promise<Response>;
export function handler<P>(a: Access | Fn<P>, b?: Fn<P>) {
  const access = typeof a === "function" ? {} : a;
  const fn = (typeof a === "function" ? a : b) as Fn<P>;
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    const context: RequestContext = { principal: null, ip: clientIp(req), audit: {} };
    let params: P | undefined;
    let started: number | null = null;
    let response: Response;
    try {
      // The path's own segments, not a lookup: read first so a refusal is audited with its target.
      params = await ctx.params;
      if (!access.public) await authorise(req, access, context);
      // Written before acting: when the trail cannot take a line (disk full), this throws and nothing is done.
      if (isAudited(req, access)) started = beginAudit(auditInput(req, access, context, params, null));
      response = await fn(req, params, context);
    } catch (e) {
      response = errorResponse(e);
    }
    return started === null ? refused(req, access, context, params, response) : finished(started, req, access, context, params, response);
  };
}

/** Known as soon as authenticated, so a refusal below is audited under whoever was refused. */
async function authorise(req: Request, access: Access, context: RequestContext): Promise<void> {
  const principal = await authenticate(req);
  if (!principal) throw new ApiError("unauthorized", "Sign in, or send a valid API token.");
  context.principal = principal;
  if (principal.via === "session" && isStateChanging(req.method) && !isSameOrigin(req)) {
    throw new ApiError("forbidden", "This request did not come from the console's own pages.");
  }
  const need = access.role ?? (isStateChanging(req.method) ? "operator" : "viewer");
  if (!roleAllows(principal.role, need)) {
    throw new ApiError("forbidden", `This needs the ${need} role; you are ${principal.role}.`);
  }
}

const isAudited = (req: Request, access: Access) => Boolean(access.audit) || isStateChanging(req.method);

/** Nothing was done (refused before the action, or its line could not be started): recorded best effort. */
function refused(req: Request, access: Access, context: RequestContext, params: unknown, response: Response): Response {
  if (!isAudited(req, access)) return response;
  // Anonymous noise (401 before anything happened) is not an action; login failures are audited by the login route.
  if (response.status === 401 && !access.public) return response;
  recordAudit(auditInput(req, access, context, params, response));
  return response;
}

/**
 * The action ran: its outcome is written over the started line. When that fails after a success, the answer
 * becomes an error that says the action did happen (its "started" line stays as the record), never a silent 2xx.
 */
function finished(id: number, req: Request, access: Access, context: RequestContext, params: unknown, response: Response): Response {
  const entry = auditInput(req, access, context, params, response);
  try {
    finishAudit(id, entry);
    return response;
  } catch (e) {
    console.error("voldeck: could not write the outcome of an audited action", e);
    if (response.status >= 400) return response;
    void response.body?.cancel().catch(() => {});
    const reason = isDiskFull(e) ? diskFullMessage(e) : "the audit trail could not be written; the details are in the server's log.";
    const message = `${entry.action} was carried out (HTTP ${response.status}), but its audit entry could not be written: ${reason}`;
    return new ApiError(isDiskFull(e) ? "insufficient_storage" : "internal", message, { done: true, doneStatus: response.status, auditId: id }).toResponse();
  }
}

function auditInput(req: Request, access: Access, context: RequestContext, params: unknown, response: Response | null): AuditInput {
  const p = (params ?? {}) as Record<string, string | undefined>;
  const url = new URL(req.url);
  return {
    actor: context.principal?.username ?? null,
    action: access.audit ?? `${req.method} ${url.pathname}`,
    target: p.name ?? p.id ?? p.username ?? context.target ?? (context.audit.volume as string | undefined) ?? (url.searchParams.get("volume") || null),
    engine: p.engine ?? null,
    ip: context.ip,
    ok: response !== null && response.status < 400,
    status: response?.status ?? null,
    detail: Object.keys(context.audit).length ? context.audit : null,
  };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) return e.toResponse();
  if (e instanceof z.ZodError) return invalidInput(e).toResponse();
  if (isDiskFull(e)) {
    console.error("voldeck: the data directory's disk is full", e);
    return diskFullError(e).toResponse();
  }
  console.error("voldeck: unexpected error", e);
  return new ApiError("internal", "Something went wrong on the server; the details are in its log.").toResponse();
}

function invalidInput(e: z.ZodError): ApiError {
  const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  const where = first?.path ? ` (${first.path})` : "";
  return new ApiError("invalid_input", `${first?.message ?? "Invalid input."}${where}`, { issues });
}

/** Reads a JSON body and validates it; an empty body counts as `{}`. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const text = await req.text();
  let value: unknown = {};
  if (text.trim()) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_input", "The request body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** Validates a path segment (already URL-decoded by Next.js) or query parameters. */
export function parseParam<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export const json = (body: unknown, status = 200) => Response.json(body, { status });
