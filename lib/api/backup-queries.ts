// Query keys and query/mutation options for backups, restores, clones and their jobs (API.md: Jobs, Backups):
// the only place components get them from.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { ApiError } from "./error";
import { apiFetch } from "./fetcher";
import { invalidateEngine } from "./queries";
import type { CloneBody, CreateBackupBody, RestoreBody } from "./schemas";
import type { Backup, Job } from "./types";

const enc = encodeURIComponent;
const volumeBase = (engine: string, name: string) => `/api/engines/${enc(engine)}/volumes/${enc(name)}`;

export const isActiveJob = (job: Job) => job.state === "queued" || job.state === "running";

/** How often lists of jobs are re-read while one of them runs (a single job follows its event stream instead). */
export const JOB_POLL_MS = 1_000;

export const backupKeys = {
  backups: () => ["backups"] as const,
  backup: (id: string) => ["backups", id] as const,
  jobs: () => ["jobs"] as const,
};

export const backupsQuery = () =>
  queryOptions({
    queryKey: backupKeys.backups(),
    queryFn: () => apiFetch<{ backups: Backup[] }>("/api/backups").then((r) => r.backups),
  });

export const backupQuery = (id: string) =>
  queryOptions({
    queryKey: backupKeys.backup(id),
    queryFn: () => apiFetch<Backup>(`/api/backups/${enc(id)}`),
  });

// One poll for every list of jobs on a page: an EventSource per job would use up the browser's six
// connections per origin with a handful of jobs. Polls while something runs; otherwise every `idleMs` if given
// (the backups page, to see jobs started elsewhere), else not at all.
export const jobsQuery = (idleMs?: number) =>
  queryOptions({
    queryKey: backupKeys.jobs(),
    queryFn: () => apiFetch<{ jobs: Job[] }>("/api/jobs").then((r) => r.jobs),
    refetchInterval: (query) => (query.state.data?.some(isActiveJob) ? JOB_POLL_MS : (idleMs ?? false)),
  });

export const jobEventsUrl = (id: string) => `/api/jobs/${enc(id)}/events`;
export const backupDownloadUrl = (id: string) => `/api/backups/${enc(id)}/download`;
export const fetchJob = (id: string) => apiFetch<Job>(`/api/jobs/${enc(id)}`);

/** A job ended: what it made or changed shows up (new backup, restored or cloned volume). */
export function afterJob(qc: QueryClient, job: Job): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: backupKeys.backups() }),
    qc.invalidateQueries({ queryKey: backupKeys.jobs() }),
    invalidateEngine(qc, job.targetEngine ?? job.engine),
  ]);
}

const jobStarted = (qc: QueryClient) => qc.invalidateQueries({ queryKey: backupKeys.jobs() });

export type StartBackup = { volume: string } & CreateBackupBody;

export const createBackupMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: ({ volume, ...body }: StartBackup) =>
    apiFetch<{ job: Job }>(`${volumeBase(engine, volume)}/backups`, { method: "POST", json: body }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

export const restoreBackupMutation = (qc: QueryClient) => ({
  mutationFn: ({ id, ...body }: { id: string } & RestoreBody) =>
    apiFetch<{ job: Job }>(`/api/backups/${enc(id)}/restore`, { method: "POST", json: body }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

export const cloneVolumeMutation = (qc: QueryClient, engine: string) => ({
  mutationFn: ({ source, ...body }: { source: string } & CloneBody) =>
    apiFetch<{ job: Job }>(`${volumeBase(engine, source)}/clone`, { method: "POST", json: body }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

export const cancelJobMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<{ job: Job }>(`/api/jobs/${enc(id)}/cancel`, { method: "POST" }).then((r) => r.job),
  onSettled: () => jobStarted(qc),
});

export const deleteBackupMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(`/api/backups/${enc(id)}`, { method: "DELETE" }),
  onSettled: () => qc.invalidateQueries({ queryKey: backupKeys.backups() }),
});

export type UploadProgress = { loaded: number; total: number };
export type UploadInput = { file: Blob; volume: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal };

// XMLHttpRequest, not fetch: fetch reports no upload progress. The file is sent as the raw body (the API
// takes no multipart), straight from disk; the server's refusal comes back as the same ApiError as elsewhere.
export function uploadBackup({ file, volume, onProgress, signal }: UploadInput): Promise<Backup> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/backups?volume=${enc(volume)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fromBody says so
      }
      if (xhr.status === 201) resolve(body as Backup);
      else reject(ApiError.fromBody(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError("engine_unreachable", "The upload was cut off: the Voldeck server could not be reached.", { server: true }));
    xhr.onabort = () => reject(new ApiError("invalid_input", "The upload was cancelled; nothing was kept.", { cancelled: true }));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

export const uploadBackupMutation = (qc: QueryClient) => ({
  mutationFn: uploadBackup,
  onSettled: () => qc.invalidateQueries({ queryKey: backupKeys.backups() }),
});
