import type { Job } from "@/lib/api/types";

// A job's listeners get a copy of it: at once on a state or phase change, at most every EMIT_EVERY_MS for
// progress. Also the transfer rate over the last few seconds.

const EMIT_EVERY_MS = 250;
const RATE_WINDOW_MS = 3_000;

export const copyJob = (job: Job): Job => ({ ...job, stoppedContainers: [...job.stoppedContainers], warnings: [...job.warnings] });

export class JobEmitter {
  readonly listeners = new Set<(job: Job) => void>();
  private lastEmit = 0;
  private timer: NodeJS.Timeout | null = null;
  private samples: [number, number][] = [];

  constructor(private readonly job: Job) {}

  now(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastEmit = Date.now();
    const snapshot = copyJob(this.job);
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (e) {
        // A broken listener must not break the job, nor keep the others from hearing of it; it is logged.
        console.error(`voldeck: a listener of job ${snapshot.id} failed on its update (${snapshot.state}, ${snapshot.phase}):`, e);
      }
    }
  }

  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.now(), Math.max(0, this.lastEmit + EMIT_EVERY_MS - Date.now()));
  }

  /** Bytes per second over the last RATE_WINDOW_MS, once there is half a second to go by. */
  rate(bytes: number): number | null {
    const t = Date.now();
    this.samples.push([t, bytes]);
    while (this.samples.length > 2 && t - this.samples[0][0] > RATE_WINDOW_MS) this.samples.shift();
    const [t0, b0] = this.samples[0];
    return t - t0 >= 500 ? Math.round(((bytes - b0) * 1000) / (t - t0)) : this.job.rate;
  }

  /** The final state has been sent: nobody listens any more. */
  close(): void {
    this.now();
    this.listeners.clear();
  }
}
