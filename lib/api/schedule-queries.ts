// Query keys and query/mutation options for scheduled backups: the only place components get them from.
import { keepPreviousData, queryOptions, type QueryClient } from "@tanstack/react-query";
import { backupKeys } from "./backup-queries";
import { apiFetch } from "./fetcher";
import type { CreateScheduleBody, UpdateScheduleBody } from "./schedule-schemas";
import type { CronPreview, Schedule, SchedulesAnswer } from "./schedule-types";
import type { Job } from "./types";

const enc = encodeURIComponent;

/** How often the schedules are re-read: next runs move on, and the scheduler starts runs by itself. */
export const SCHEDULES_POLL_MS = 10_000;
/** While a run is under way, sooner. */
const RUNNING_POLL_MS = 2_000;

export const scheduleKeys = {
  all: () => ["schedules"] as const,
  preview: (cron: string) => ["schedules", "preview", cron] as const,
};

const running = (list: Schedule[] | undefined) => !!list?.some((s) => s.lastRun?.state === "running");

export const schedulesQuery = () =>
  queryOptions({
    queryKey: scheduleKeys.all(),
    queryFn: () => apiFetch<SchedulesAnswer>("/api/schedules"),
    refetchInterval: (q) => (running(q.state.data?.schedules) ? RUNNING_POLL_MS : SCHEDULES_POLL_MS),
  });

/** Words and next runs for an expression being typed; the previous answer stays while the next loads. */
export const cronPreviewQuery = (cron: string) =>
  queryOptions({
    queryKey: scheduleKeys.preview(cron),
    queryFn: () => apiFetch<CronPreview>(`/api/schedules/preview?cron=${enc(cron)}`),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });

const changed = (qc: QueryClient) => qc.invalidateQueries({ queryKey: scheduleKeys.all() });

export const createScheduleMutation = (qc: QueryClient) => ({
  mutationFn: (body: CreateScheduleBody) => apiFetch<Schedule>("/api/schedules", { method: "POST", json: body }),
  onSettled: () => changed(qc),
});

export const updateScheduleMutation = (qc: QueryClient) => ({
  mutationFn: ({ id, ...patch }: { id: string } & UpdateScheduleBody) => apiFetch<Schedule>(`/api/schedules/${enc(id)}`, { method: "PUT", json: patch }),
  onSettled: () => changed(qc),
});

export const deleteScheduleMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<void>(`/api/schedules/${enc(id)}`, { method: "DELETE" }),
  onSettled: () => changed(qc),
});

export const runScheduleMutation = (qc: QueryClient) => ({
  mutationFn: (id: string) => apiFetch<{ job: Job }>(`/api/schedules/${enc(id)}/run`, { method: "POST" }).then((r) => r.job),
  onSettled: () => Promise.all([changed(qc), qc.invalidateQueries({ queryKey: backupKeys.jobs() })]),
});

/** A run ended: its backup, and retention's deletions, show up. */
export const afterScheduledRun = (qc: QueryClient) => Promise.all([changed(qc), qc.invalidateQueries({ queryKey: backupKeys.backups() })]);
