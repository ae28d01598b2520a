// Pure: how a job and a backup are put into words for the progress display and the backups table. Unit-tested.
import type { Backup, Job } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";

export const isFinished = (job: Job) => job.state === "succeeded" || job.state === "failed";

/** "Backup of pgdata", "Restore into pgdata-restored", "Copy of pgdata to pgdata-copy", "Move of pgdata to pgdata on engine b". */
export function jobTitle(job: Job): string {
  if (job.kind === "backup") return `Backup of ${job.volume}`;
  if (job.kind === "snapshot") return `Snapshot of ${job.volume}${job.repository ? ` into ${job.repository}` : ""}`;
  if (job.kind === "snapshot-restore") {
    const how = job.mode === "replace" ? " (replacing its contents)" : job.mode === null ? " (selected paths)" : "";
    return `Restore of a snapshot into ${job.targetVolume ?? job.volume}${how}`;
  }
  if (job.kind === "drill") return `Restore drill of policy ${job.volume}`; // a drill's `volume` is its policy's name
  const scope = job.volume ? ` (${job.volume})` : "";
  if (job.kind === "repository-check") return `Check of repository ${job.repository ?? ""}`.trim();
  if (job.kind === "repository-forget") return `Retention in repository ${job.repository ?? ""}${scope}`.trim();
  if (job.kind === "repository-copy") return `Copy of snapshots from ${job.repository ?? "a repository"} to ${job.copyTo ?? "another repository"}${scope}`;
  // A restore's `volume` is its target (API.md: Job extras).
  if (job.kind === "restore") return `Restore into ${job.volume}${job.mode === "replace" ? " (replacing its contents)" : ""}`;
  const elsewhere = job.targetEngine && job.targetEngine !== job.engine ? ` on engine ${job.targetEngine}` : "";
  // The API's "clone" is a copy or a move in the console's words (the "Copy or move…" dialog).
  const what = job.move ? "Move" : "Copy";
  return `${what} of ${job.volume} to ${job.targetVolume ?? "a new volume"}${elsewhere}`;
}

/** What a succeeded job did, in a sentence; a copy between engines says what was checked on arrival. */
export function doneText(job: Job): string {
  if (job.kind === "backup") return "Backup complete.";
  if (job.kind === "restore" || job.kind === "snapshot-restore") return "Restore complete.";
  if (job.kind === "snapshot") return "Snapshot complete, confirmed in the repository.";
  if (job.kind === "repository-check") return job.check?.ok === false ? "Check finished: the repository has errors." : "Check finished: no errors found.";
  if (job.kind === "repository-forget")
    return `Retention applied: ${job.forget?.remove.length ?? 0} snapshot(s) removed${job.forget?.pruned ? ", unused data pruned" : ""}.`;
  if (job.kind === "drill") {
    const proven = job.drill?.filter((v) => v.state === "succeeded").length ?? 0;
    const skipped = job.drill?.filter((v) => v.state === "skipped").length ?? 0;
    if (proven === 0) return "Nothing to drill: no volume of this policy has a backup yet.";
    return `Drill passed: ${proven} volume(s) restored into a scratch volume, equal to their backups file by file, and checked; scratch volumes removed.${skipped ? ` ${skipped} volume(s) have no backup yet.` : ""}`;
  }
  if (job.kind === "repository-copy") return `Copy complete: ${job.copied ?? 0} snapshot(s) in ${job.copyTo ?? "the other repository"}.`;
  const c = job.copyCheck;
  const what = c?.level === "full" ? ", every entry's metadata and contents read back and matching what was sent" : ", as many as were sent";
  const checked = c ? ` Checked on arrival: ${c.entries} entries and ${formatBytes(c.bytes)} of file contents${what}.` : "";
  if (job.move) return `Move complete: the source was removed after the copy was verified.${checked}`;
  return `Copy complete.${checked}`;
}

/** The state in a word or two; a cancelled job is reported apart from a failed one. */
export function stateText(job: Job): string {
  if (job.state === "failed") return job.cancelled ? "cancelled" : "failed";
  return job.state;
}

/** The badge's colour for a job's state: a cancelled job amber, apart from a failed one. */
export function stateTone(job: Job): "slate" | "sky" | "green" | "amber" | "red" {
  if (job.state === "failed") return job.cancelled ? "amber" : "red";
  return job.state === "succeeded" ? "green" : job.state === "running" ? "sky" : "slate";
}

/** The progress bar's colour: red once failed (or cancelled), green once done. */
export const progressTone = (job: Job) => (job.state === "failed" ? "failed" : job.state === "succeeded" ? "done" : "active");

/**
 * What a live region says of a job: its phase while it runs, its outcome (and why it failed) once over. Only
 * phase and state changes, never each progress tick: a region that read every tick would talk over everything.
 */
export function jobAnnouncement(job: Job): string {
  const title = jobTitle(job);
  if (!isFinished(job)) return `${title}: ${phaseText(job)}`;
  return `${title}: ${stateText(job)}.${job.error && !job.cancelled ? ` ${job.error}` : ""}`;
}

export function phaseText(job: Job): string {
  switch (job.phase) {
    case "queued":
      return "Waiting: other jobs are running (at most a few run at once).";
    case "preparing":
      return "Preparing…";
    case "stopping":
      // The server names the containers it waits for (lib/backup/stopping-text.ts).
      return job.phaseDetail ?? "Stopping the containers that use the volume…";
    case "streaming":
      return job.kind === "backup"
        ? "Copying the volume's files into the archive…"
        : job.kind === "restore"
          ? "Writing the archive's files into a fresh volume…"
          : "Copying the files…";
    case "verifying":
      return job.kind === "backup" ? "Reading the archive back to verify it…" : "Checking the copy…";
    case "swapping":
      return "Swapping the volume's contents for the restored ones…";
    case "starting":
      return job.phaseDetail ?? "Starting the stopped containers again…";
    case "done":
      return job.state === "succeeded" ? "Done." : job.cancelled ? "Cancelled." : "Failed.";
  }
}

/**
 * A backup's archive in short facts beside its size: "gzip", the data it holds when that reads differently from
 * the archive's size (so one size is not shown twice), and its entries.
 */
export function archiveFacts(b: Pick<Backup, "compression" | "sizeBytes" | "bytes" | "entries">): string[] {
  const data = formatBytes(b.bytes);
  return [
    b.compression === "gzip" ? "gzip" : "plain tar",
    ...(b.compression === "gzip" && data !== formatBytes(b.sizeBytes) ? [`${data} of data`] : []),
    `${b.entries.toLocaleString("en")} ${b.entries === 1 ? "entry" : "entries"}`,
  ];
}

/** Which way the data went, in words (the issue asks to say it). */
export function dataPathText(job: Pick<Job, "dataPath" | "kind">): string | null {
  if (!job.dataPath) return null;
  const verb = job.kind === "backup" ? "read" : job.kind === "restore" ? "written" : "copied";
  return job.dataPath === "direct"
    ? `Data ${verb} directly from the volume's folder on this host (fastest path).`
    : `Data ${verb} through the Docker engine's archive API.`;
}

export function backupSourceText(dataPath: Backup["dataPath"]): string {
  return dataPath === "upload" ? "uploaded" : dataPath === "direct" ? "read from the volume's folder" : "via the engine's archive API";
}

// Whole bytes: a tiny volume's average ("19 B in 4 s") must not read "4.75 B/s" as 4.749999… B/s.
export const formatRate = (bytesPerSecond: number) => `${formatBytes(Math.round(bytesPerSecond))}/s`;

/** 42 → "42 s", 130 → "2 min 10 s", 3900 → "1 h 5 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

export type ProgressNumbers = {
  /** 0–100, null when the total is unknown. */
  percent: number | null;
  /** null when the total or the rate is unknown. */
  secondsLeft: number | null;
};

// Before any byte moved, a job waits on something else (stopping containers, preparing): the bar then says
// "working" (indeterminate) rather than a 0 % that looks stuck.
const WAITING_PHASES = new Set<Job["phase"]>(["queued", "preparing", "stopping"]);

export function progressNumbers(job: Job): ProgressNumbers {
  if (job.state === "succeeded") return { percent: 100, secondsLeft: 0 };
  const total = job.bytesTotal;
  if (total == null || total <= 0) return { percent: total === 0 ? 100 : null, secondsLeft: null };
  if (job.bytesDone === 0 && WAITING_PHASES.has(job.phase)) return { percent: null, secondsLeft: null };
  // The engine's size is measured a little earlier than the copy is made: never claim more than 99% before done.
  const percent = Math.min(99, Math.floor((job.bytesDone / total) * 100));
  return { percent, secondsLeft: secondsLeft(job) };
}

/**
 * THE time left of a job, the one every view shows (the dialog and the jobs panel used to each compute their
 * own): from the server's recent rate, rounded so that two views a moment apart read the same words —
 * 5 s steps under a minute, whole minutes under an hour, 5-minute steps beyond. Null while unknown.
 */
export function secondsLeft(job: Job): number | null {
  if (job.state !== "running" || job.phase !== "streaming" || !job.rate || job.rate <= 0 || job.bytesTotal == null) return null;
  const raw = Math.max(0, job.bytesTotal - job.bytesDone) / job.rate;
  const step = raw < 60 ? 5 : raw < 3600 ? 60 : 300;
  return Math.max(step === 5 ? 5 : step, Math.round(raw / step) * step);
}

/** Of two snapshots of one job, the later one: state, then phase, then bytes only move forward. Ties: `a`. */
export function laterSnapshot(a: Job, b: Job): Job {
  const rank = (j: Job) => [STATE_ORDER.indexOf(j.state), PHASE_ORDER.indexOf(j.phase), j.bytesDone, j.warnings.length + j.stoppedContainers.length];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i] ? a : b;
  return a;
}
const STATE_ORDER: Job["state"][] = ["queued", "running", "succeeded", "failed"];
const PHASE_ORDER: Job["phase"][] = ["queued", "preparing", "stopping", "streaming", "verifying", "swapping", "starting", "done"];

/** Seconds from start to finish, null while unknown. */
function elapsed(job: Job): number | null {
  if (!job.startedAt || !job.finishedAt) return null;
  return Math.max(0, (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000);
}

/**
 * Running: "12.3 MB of 19.1 MB · 64% · 45.0 MB/s · about 3 s left" (each part only when known).
 * Finished: "19.1 MB copied in 2 s · 9.5 MB/s on average".
 */
export function progressLine(job: Job): string {
  if (isFinished(job)) {
    const secs = elapsed(job);
    const copied = `${formatBytes(job.bytesDone)} copied`;
    const took = secs === null ? "" : secs < 1 ? " in under a second" : ` in ${formatDuration(secs)}`;
    if (job.state === "failed") return `${copied}${took} before it stopped`;
    return `${copied}${took}${secs !== null && secs >= 1 && job.bytesDone > 0 ? ` · ${formatRate(job.bytesDone / secs)} on average` : ""}`;
  }
  const { percent, secondsLeft } = progressNumbers(job);
  const parts = [job.bytesTotal != null ? `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}` : `${formatBytes(job.bytesDone)} copied`];
  if (percent !== null) parts.push(`${percent}%`);
  if (job.rate) parts.push(formatRate(job.rate));
  if (secondsLeft !== null) parts.push(`about ${formatDuration(secondsLeft)} left`);
  return parts.join(" · ");
}

/** The sha256 as people compare it: the first 12 hex digits. */
export const shortSha = (sha: string) => sha.slice(0, 12);
