import { JOB_ID_PATTERN } from "@/lib/api/schemas";
import { ApiError } from "@/lib/api/error";
import { handler, json } from "@/lib/http/handler";
import { cancelJob } from "@/lib/jobs/registry";

// Stops the job's streams; its clean-up (partial file, helpers, containers started again) runs before it
// reports "failed" / "cancelled". Answers once that is done (or after 10 s, with the job as it is then).
export const POST = handler<{ id: string }>({ audit: "job.cancel" }, async (_req, { id }) => {
  if (!JOB_ID_PATTERN.test(id)) throw new ApiError("not_found", `There is no job "${id}".`);
  return json({ job: await cancelJob(id) });
});
