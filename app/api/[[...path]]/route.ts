import { ApiError } from "@/lib/api/error";
import { handler } from "@/lib/http/handler";

// Unknown API paths answer in the API's error shape, never with the HTML 404 page — after the credentials
// check, like every route, so an anonymous caller learns nothing about which paths exist.
const notFound = handler<{ path?: string[] }>({ role: "viewer" }, async () => {
  throw new ApiError("not_found", "There is no such API route.");
});
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
