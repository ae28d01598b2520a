// The API's 400 answer carries `issues: [{path, message}]` (lib/http/handler.ts): each names the request field it
// is about. These pure helpers read them so a form can show each message on its own field. Unit-tested.
import { isApiError } from "@/lib/api/error";

export type Issue = { path: string; message: string };

/** The per-field issues of an API error; [] for anything else. */
export function serverIssues(error: unknown): Issue[] {
  if (!isApiError(error)) return [];
  const raw = error.details.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter((i): i is Issue => typeof i?.path === "string" && typeof i?.message === "string");
}

/**
 * Splits issues into those a form field shows (`fieldOf` maps a request path such as "driverOpts.o" to a form
 * field name, or undefined) and the rest, which the form shows in its error box. One message per field.
 */
export function placeIssues(issues: Issue[], fieldOf: (path: string) => string | undefined): { placed: Map<string, string>; rest: Issue[] } {
  const placed = new Map<string, string>();
  const rest: Issue[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field === undefined) rest.push(issue);
    else if (!placed.has(field)) placed.set(field, issue.message);
  }
  return { placed, rest };
}
