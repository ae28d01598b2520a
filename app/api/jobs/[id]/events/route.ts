import { ApiError } from "@/lib/api/error";
import { JOB_ID_PATTERN } from "@/lib/api/schemas";
import type { Job } from "@/lib/api/types";
import { handler } from "@/lib/http/handler";
import { eventStream } from "@/lib/http/sse";
import { getJob, subscribe } from "@/lib/jobs/registry";

const finished = (job: Job) => job.state === "succeeded" || job.state === "failed";

// Server-sent events: `data: <Job>` now, then on every change (progress at most 4 times a second), and the
// stream ends after the job's final state.
export const GET = handler<{ id: string }>(async (req, { id }) => {
  if (!JOB_ID_PATTERN.test(id)) throw new ApiError("not_found", `There is no job "${id}".`);
  getJob(id); // 404 before the stream starts
  return eventStream(req, ({ send, close }) => {
    const onJob = (job: Job) => {
      send(job);
      if (finished(job)) close();
    };
    const unsubscribe = subscribe(id, onJob);
    // Subscribed before reading again, so no change between the two is missed.
    onJob(getJob(id));
    return unsubscribe;
  });
});
