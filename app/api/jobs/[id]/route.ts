import { JOB_ID_PATTERN } from "@/lib/api/schemas";
import { ApiError } from "@/lib/api/error";
import { handler, json } from "@/lib/http/handler";
import { getJob } from "@/lib/jobs/registry";

export const GET = handler<{ id: string }>(async (_req, { id }) => {
  if (!JOB_ID_PATTERN.test(id)) throw new ApiError("not_found", `There is no job "${id}".`);
  return json(getJob(id));
});
