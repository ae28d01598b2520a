import "server-only";
import type { HooksSpec } from "@/lib/api/hook-schemas";
import type { Job, Volume } from "@/lib/api/types";
import { startAgain, stopHolders, type Stopped } from "@/lib/backup/containers";
import { directAccess } from "@/lib/backup/direct";
import { defaultStopTimeout } from "@/lib/backup/settings";
import { createHelper, getVolumeArchive, removeHelper, type Helper } from "@/lib/docker/helper";
import { getVolume } from "@/lib/docker/volumes";
import { jobHookLog } from "@/lib/hooks/job-log";
import { beginHooks, type HookSession } from "@/lib/hooks/run";
import { startJob, type JobControl } from "@/lib/jobs/registry";
import type { Invocation } from "./invocation";
import { backupMessage, STDIN_FILE, STDIN_TAG } from "./nodes";
import { ResticError, runRestic } from "./process";
import { repoInvocation, repoRow } from "./repositories";
import { recordAddedBytes } from "./snapshot-added";
import { confirmSnapshot } from "./snapshot-confirm";

// A volume into a repository, as a job. From the volume's mountpoint when the console can read it: restic
// runs there on ".", so the snapshot's paths are the volume's own (browsable, restorable path by path) and,
// with the engine id as host, the previous snapshot of that mountpoint is its parent (only changed files are
// read). Otherwise the engine's archive stream is fed to `restic backup --stdin` (one tar file inside; it still
// deduplicates). Afterwards the snapshot is confirmed in the repository (snapshot-confirm.ts) before the job
// names it. Pre/post hooks (the request's and the volume's containers' labels, lib/hooks) run around the copy
// as for a tar backup.

export type SnapshotRequest = { repository: string; stopContainers: boolean; rateLimit?: number; hooks?: HooksSpec };

export async function startSnapshot(engine: string, name: string, req: SnapshotRequest): Promise<Job> {
  const volume = await getVolume(engine, name);
  const inv = repoInvocation(req.repository);
  repoRow(req.repository);
  return startJob(
    { kind: "snapshot", engine, volume: name, repository: req.repository, snapshotId: null, bytesTotal: volume.sizeBytes },
    [`read:${engine}/${name}`, `read:repo/${req.repository}`],
    (ctl) => runSnapshot(ctl, inv, volume, req),
  );
}

async function runSnapshot(ctl: JobControl, inv: Invocation, volume: Volume, req: SnapshotRequest): Promise<void> {
  const engine = ctl.job.engine;
  const stopped: Stopped[] = [];
  let helper: Helper | null = null;
  let hooks: HookSession | null = null;
  try {
    helper = await createHelper(engine, volume.name, { readOnly: true, jobId: ctl.job.id });
    // Pre-hooks before anything is stopped or read (a failing one ends the job here: no snapshot is taken).
    hooks = await beginHooks(engine, volume.name, req.hooks, jobHookLog(ctl), ctl.signal);
    if (req.stopContainers) await stopHolders(ctl, engine, volume.name, defaultStopTimeout(), stopped);
    const access = await directAccess(volume, helper);
    const tags = [`volume:${volume.name}`, `engine:${engine}`];
    const args = ["backup", "--json", "--host", engine];
    if (req.rateLimit) args.push("--limit-upload", String(Math.ceil(req.rateLimit / 1024)));
    let summary: { id: string; added: number } | null = null;
    const onLine = (line: string) => {
      const m = backupMessage(line);
      if (m?.message_type === "status") {
        if (m.total_bytes) ctl.update({ bytesTotal: m.total_bytes });
        ctl.progress(m.bytes_done ?? 0);
      } else if (m?.message_type === "summary") summary = { id: m.snapshot_id, added: m.data_added };
    };
    ctl.update({ phase: "streaming", dataPath: access.ok ? "direct" : "archive" });
    let code: number;
    if (access.ok) {
      ({ code } = await runRestic(inv, [...args, "--tag", tags.join(","), "."], {
        cwd: access.mountpoint,
        signal: ctl.signal,
        onLine,
        okCodes: [3],
        locks: true,
      }));
    } else {
      ctl.warn(`Read through the engine's archive stream (one tar in the snapshot): ${access.reason}.`);
      const stream = await getVolumeArchive(helper, ctl.signal);
      ({ code } = await runRestic(inv, [...args, "--tag", [...tags, STDIN_TAG].join(","), "--stdin", "--stdin-filename", STDIN_FILE], {
        stdin: stream,
        signal: ctl.signal,
        onLine,
        locks: true,
      }));
    }
    if (code === 3) ctl.warn("Some files could not be read: the snapshot exists but is incomplete (restic exit 3).");
    await startAgain(ctl, engine, stopped);
    await hooks.end(); // the data is read: the application may go on
    ctl.update({ phase: "verifying" });
    const done = summary as { id: string; added: number } | null;
    if (!done) throw new ResticError("restic finished without naming the snapshot it made; none is claimed.", "failed");
    // Confirmed in the repository, not taken on restic's word alone.
    const found = await confirmSnapshot(repoRow(req.repository), inv, done.id, { engine, volume: volume.name });
    if (!found) throw new ResticError(`Snapshot ${done.id} is not in the repository after the backup; none is claimed.`, "failed");
    // Kept for the snapshot lists (restic 0.14 keeps no summary in the snapshot). Not worth failing a good
    // snapshot for: a repository removed meanwhile has no rows to add to.
    try {
      recordAddedBytes(req.repository, found, done.added);
    } catch (e) {
      ctl.warn(`The bytes this snapshot added could not be recorded: ${(e as Error).message}`);
    }
    ctl.update({ snapshotId: found, addedBytes: done.added });
  } finally {
    await startAgain(ctl, engine, stopped);
    await hooks?.end();
    if (helper) await removeHelper(helper);
  }
}
