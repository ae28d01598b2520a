import "server-only";
import { ApiError } from "@/lib/api/error";
import type { CopyBody } from "@/lib/api/repository-maintenance-schemas";
import type { Job } from "@/lib/api/types";
import type { JobControl } from "@/lib/jobs/registry";
import { copyInvocation, CopyError } from "./copy-invocation";
import type { Invocation } from "./invocation";
import type { ResticSnapshot } from "./nodes";
import { ResticError, runRestic } from "./process";
import { repoInvocation, repoRow } from "./repositories";
import { repoRead, startRepoJob } from "./repo-jobs";
import { resticSnapshots, tagFilter } from "./snapshots";

// Snapshots into a second repository (3-2-1): `restic copy`, all of them or one engine's or volume's. restic
// skips snapshots the destination already holds a copy of (its `original` field), so a second run only adds
// what is new. Both repositories are locked for reading (restic takes shared locks: snapshots may run beside,
// maintenance may not). Afterwards every source snapshot in scope is looked up in the destination.

type Snap = ResticSnapshot & { original?: string };
const TIMEOUT_MS = 6 * 60 * 60_000;

const snapshots = (inv: Invocation, filter: string[]) => resticSnapshots<Snap>(inv, filter, { timeoutMs: 10 * 60_000 });

export function startCopy(id: string, body: CopyBody): Promise<Job> {
  if (body.to === id) throw new ApiError("invalid_input", "A repository cannot be copied into itself: name another repository in 'to'.");
  repoRow(id);
  repoRow(body.to);
  let run: ReturnType<typeof copyInvocation>;
  try {
    run = copyInvocation(repoInvocation(body.to), repoInvocation(id));
  } catch (e) {
    if (e instanceof CopyError) throw new ApiError("invalid_input", e.message);
    throw e;
  }
  const init = { kind: "repository-copy" as const, copyTo: body.to, copied: null, engine: body.engine ?? "", volume: body.volume ?? "" };
  return startRepoJob(id, init, [repoRead(id), repoRead(body.to)], (ctl) => runCopy(ctl, id, body, run));
}

async function runCopy(ctl: JobControl, id: string, body: CopyBody, run: ReturnType<typeof copyInvocation>): Promise<void> {
  const source = repoInvocation(id);
  ctl.update({ phase: "streaming", phaseDetail: `Copying snapshots into "${body.to}"…` });
  let done = 0;
  try {
    await runRestic(run.inv, ["copy", ...run.fromArgs, ...tagFilter(body)], {
      signal: ctl.signal,
      locks: true,
      timeoutMs: TIMEOUT_MS,
      onLine: (line) => {
        if (/^snapshot [0-9a-f]+ saved|^skipping source snapshot/.test(line))
          ctl.update({ phaseDetail: `Copying snapshots into "${body.to}": ${++done} done…` });
      },
    });
  } catch (e) {
    // The run's own lock in the destination is cleared by process.ts; the one it held in the source is ours too.
    if (ctl.signal.aborted || (e instanceof ResticError && e.details.reason === "killed")) await unlockSource(source);
    throw e;
  }
  ctl.update({ phase: "verifying", phaseDetail: null });
  const [from, to] = await Promise.all([snapshots(source, tagFilter(body)), snapshots(repoInvocation(body.to), [])]);
  const there = new Set(to.flatMap((s) => [s.id, s.original].filter(Boolean) as string[]));
  const missing = from.filter((s) => !there.has(s.id) && !(s.original && there.has(s.original)));
  if (missing.length) {
    throw new ResticError(
      `After the copy, ${missing.length} snapshot(s) are not in "${body.to}": ${missing.map((s) => s.id.slice(0, 8)).join(", ")}.`,
      "failed",
    );
  }
  ctl.update({ copied: from.length });
}

async function unlockSource(inv: Invocation): Promise<void> {
  try {
    await runRestic(inv, ["unlock"], { timeoutMs: 60_000 });
  } catch (e) {
    console.warn(`voldeck: could not remove the stale lock restic copy left in ${inv.location}: ${(e as Error).message}`);
  }
}
