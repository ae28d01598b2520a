import { ApiError } from "@/lib/api/error";
import { handler } from "@/lib/http/handler";
import { scrape } from "@/lib/metrics/scrape";

// Prometheus scrapes with `Authorization: Bearer <API token>` (any role). A browser's session cookie alone is
// refused: the metrics name every volume of every engine, and a page the console never links to has no reason to
// be readable by a signed-in tab (nor by a page that tricks one into fetching it).
export const GET = handler({ role: "viewer" }, async (_req, _params, ctx) => {
  if (ctx.principal?.via !== "token") throw new ApiError("unauthorized", "Scrape /metrics with an API token: Authorization: Bearer <token>.");
  const { text, contentType } = await scrape();
  return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
