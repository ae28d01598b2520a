import { ApiError } from "@/lib/api/error";

// Unknown API paths answer in the API's error shape, never with the HTML 404 page.
const notFound = () => new ApiError("not_found", "There is no such API route.").toResponse();
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
