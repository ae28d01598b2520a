import { ApiError } from "@/lib/api/error";
import { isSameOrigin } from "./request";

/** Sign-in and setup carry no credential yet, but a browser must not be made to post them from elsewhere. */
export function refuseForeignOrigin(req: Request): void {
  if (req.headers.get("origin") !== null && !isSameOrigin(req)) {
    throw new ApiError("forbidden", "This request did not come from the console's own pages.");
  }
}
