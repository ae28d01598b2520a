import { handler, json } from "@/lib/http/handler";
import { listJobs } from "@/lib/jobs/registry";

/** Jobs since the console started (the last 200 finished ones, and every running one), most recent first. */
export const GET = handler(async () => json({ jobs: listJobs() }));
