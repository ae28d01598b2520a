import { handler, json } from "@/lib/http/handler";
import { listJobs } from "@/lib/jobs/registry";

/** Jobs from the database (every running one, finished ones for 30 days, the last 500), most recent first. */
export const GET = handler(async () => json({ jobs: listJobs() }));
