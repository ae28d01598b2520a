import { useId, useMemo } from "react";
import type { PrunePreview, PruneResult } from "@/lib/api/types";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { Time } from "@/components/ui/Time";
import { formatBytes, plural, shortName } from "@/lib/format";
import { LastUsed } from "./LastUsed";
import { VolumeSize } from "./VolumeSize";

/** "Only volumes unused for more than [N] days"; empty means any. */
export function UnusedDaysField({ value, onChange, error }: { value: string; onChange: (text: string) => void; error: string | null }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Only volumes unused for more than</span>
        <input
          type="text"
          inputMode="numeric"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="any"
          aria-invalid={!!error}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="w-20 rounded-md border border-line-strong px-2 py-1 tabular-nums"
        />
        <span>days</span>
      </label>
      <p id={`${id}-hint`} className="text-xs text-fg-muted">
        Leave it empty for any. A volume counts from its last use, or, never seen in use, from when the console began to follow the engine.
      </p>
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-danger-fg">
          {error}
        </p>
      )}
    </div>
  );
}

type Candidate = PrunePreview["volumes"][number];

/**
 * The preview's volumes, each with a box: unticked, it is spared (the prune removes exactly the ticked ones). The
 * list scrolls in its own box in the dialog; above 150 volumes its rows are virtual and follow that box.
 */
export function PruneList({
  preview,
  spared,
  onSpare,
}: {
  preview: PrunePreview;
  spared: ReadonlySet<string>;
  onSpare: (names: string[], spare: boolean) => void;
}) {
  const since = preview.usageTrackedSince;
  const ticked = useMemo(() => new Set(preview.volumes.filter((v) => !spared.has(v.name)).map((v) => v.name)), [preview.volumes, spared]);
  const columns = useMemo<DataColumn<Candidate>[]>(
    () => [
      { id: "name", header: "Volume", rowHeader: true, width: "minmax(9rem, 5fr)", cell: (v) => <VolumeName volume={v} /> },
      { id: "lastUsed", header: "Last used", wrap: true, width: "minmax(12rem, 6fr)", cell: (v) => <LastUsed volume={v} trackedSince={since} inline /> },
      {
        id: "created",
        header: "Created",
        width: "8rem",
        cell: (v) => (
          <span className="text-fg-muted">
            <Time iso={v.createdAt} />
          </span>
        ),
      },
      { id: "size", header: "Size", align: "right", width: "4.5rem", cell: (v) => <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} /> },
    ],
    [since],
  );
  return (
    <DataTable
      label="Volumes that would be removed"
      data={preview.volumes}
      columns={columns}
      getRowId={(v) => v.name}
      selection={{
        selected: ticked,
        onChange: (names, remove) => onSpare(names, !remove),
        allLabel: "Remove every listed volume",
        rowLabel: (name) => `Remove ${name}`,
        quiet: true,
      }}
      rowClassName={(v) => (spared.has(v.name) ? "text-fg-subtle" : "")}
      renderCard={(v) => <PruneCard volume={v} since={since} />}
      cardHeight={64}
      cardsBelow={560}
      scrollBox={{ maxHeight: "18rem" }}
    />
  );
}

function VolumeName({ volume: v }: { volume: Candidate }) {
  return (
    <span title={v.name}>
      {shortName(v.name)}
      {v.anonymous && <span className="ml-2 text-xs text-info-fg">anonymous</span>}
    </span>
  );
}

/** A phone's row: the name and size on one line, when it was last used below. */
function PruneCard({ volume: v, since }: { volume: Candidate; since: string | null }) {
  return (
    <span className="block min-w-0">
      <span className="flex gap-3">
        <span className="min-w-0 flex-1 truncate font-medium">
          <VolumeName volume={v} />
        </span>
        <span className="shrink-0 tabular-nums">
          <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
        </span>
      </span>
      <span className="block truncate text-xs">
        <LastUsed volume={v} trackedSince={since} inline />
      </span>
    </span>
  );
}

export function PruneResultView({ result }: { result: PruneResult }) {
  return (
    <div className="space-y-3" role="status">
      <p className="font-medium">
        Removed {plural(result.removed.length, "volume")}, reclaimed {formatBytes(result.reclaimedBytes)}.
      </p>
      {result.removed.length > 0 && (
        <ul aria-label="Removed volumes" className="max-h-40 list-inside list-disc overflow-auto text-fg-muted">
          {result.removed.map((name) => (
            <li key={name} title={name}>
              {shortName(name)}
            </li>
          ))}
        </ul>
      )}
      {result.skipped.length > 0 && (
        <div className="rounded-md border border-warn-line bg-warn-soft px-4 py-3 text-warn-fg">
          <p className="font-semibold">Kept {plural(result.skipped.length, "volume")}:</p>
          <ul aria-label="Kept volumes" className="list-inside list-disc">
            {result.skipped.map((s) => (
              <li key={s.name}>
                <span title={s.name}>{shortName(s.name)}</span>: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
