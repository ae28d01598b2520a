import type { Job } from "@/lib/api/types";

export type NewJob = Pick<Job, "kind" | "engine" | "volume"> & Partial<Job>;

/**
 * The record of a job that has just been queued: every field at its starting value, then `init` on top. Pure
 * (id and time come in), so the registry and tests build jobs the same way and a new Job field is added once.
 */
export function queuedJob({ kind, engine, volume, ...init }: NewJob, id: string, createdAt: string): Job {
  return {
    id,
    kind,
    state: "queued",
    bytesDone: 0,
    bytesTotal: null,
    error: null,
    backupId: null,
    engine,
    volume,
    targetEngine: null,
    targetVolume: null,
    phase: "queued",
    phaseDetail: null,
    cancelled: false,
    compression: null,
    dataPath: null,
    swap: null,
    mode: null,
    rate: null,
    createdAt,
    startedAt: null,
    finishedAt: null,
    stoppedContainers: [],
    warnings: [],
    ...init,
  };
}
