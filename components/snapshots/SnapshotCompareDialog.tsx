"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Loading } from "@/components/ui/States";
import { Time } from "@/components/ui/Time";
import { DiffView } from "./DiffView";
import type { SnapshotRow } from "./snapshot-list";
import { diffQuery } from "./snapshot-queries";

type Against = "live" | "previous";

/**
 * "What changed since last night?": the live volume against the snapshot, or the snapshot against the one before
 * it in the same repository (what that snapshot brought in).
 */
export function SnapshotCompareDialog({
  name,
  row,
  previous,
  open,
  onClose,
}: {
  name: string;
  row: SnapshotRow;
  previous: SnapshotRow | null;
  open: boolean;
  onClose: () => void;
}) {
  const radio = useId();
  const [against, setAgainst] = useState<Against>("live");
  const s = row.snapshot;
  // The API diffs `from` → `against`: live: snapshot → volume now; previous: previous snapshot → this one.
  const query = useQuery(against === "live" || !previous ? diffQuery(row.repo.id, s.id, "live") : diffQuery(row.repo.id, previous.snapshot.id, s.id));
  return (
    <Dialog open={open} title={`Compare snapshot ${s.shortId}`} onClose={onClose} wide>
      <div className="space-y-4 text-sm">
        <fieldset className="flex flex-wrap gap-x-5 gap-y-2">
          <legend className="sr-only">Compare with</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={radio} checked={against === "live"} onChange={() => setAgainst("live")} />
            <span>{name} now</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={radio} checked={against === "previous"} onChange={() => setAgainst("previous")} disabled={!previous} />
            <span className={previous ? "" : "text-fg-subtle"}>
              The previous snapshot{previous ? <> ({<Time iso={previous.snapshot.time} />})</> : " (none in this repository)"}
            </span>
          </label>
        </fieldset>
        <p className="text-fg-muted">
          {against === "live" ? (
            <>
              What is different in {name} now from the snapshot taken <Time iso={s.time} />: added and changed files are as they are now.
            </>
          ) : (
            <>What this snapshot holds that differs from the one before it.</>
          )}
        </p>
        {query.isPending ? (
          <Loading label="Comparing…" />
        ) : query.error ? (
          <ErrorAlert error={query.error} title="The comparison failed." />
        ) : (
          <DiffView diff={query.data} />
        )}
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
