import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/error";

// Route handlers stay short: parse → authorise → lib call → Response. Whatever is thrown becomes the
// API's error shape here; nothing else (no stack, no HTML page) ever leaves an /api route.

type Ctx<P> = { params: Promise<P> };

export function handler<P = Record<string, never>>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return await fn(req, await ctx.params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) return e.toResponse();
  if (e instanceof z.ZodError) return invalidInput(e).toResponse();
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

/** Validates one path segment (already URL-decoded by Next.js). */
export function parseParam<T extends z.ZodType>(schema: T, value: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export const json = (body: unknown, status = 200) => Response.json(body, { status });
