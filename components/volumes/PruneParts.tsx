import { useId } from "react";
import type { PrunePreview, PruneResult } from "@/lib/api/types";
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

/** The preview's volumes, each with a box: unticked, it is spared (the prune removes exactly the ticked ones). */
export function PruneList({
  preview,
  spared,
  onSpare,
}: {
  preview: PrunePreview;
  spared: ReadonlySet<string>;
  onSpare: (name: string, spare: boolean) => void;
}) {
  return (
    <div className="max-h-72 overflow-auto rounded-md border border-line">
      <table className="w-full text-left text-sm" aria-label="Volumes that would be removed">
        <thead className="sticky top-0 bg-surface-2 text-xs text-fg-muted">
          <tr>
            <th scope="col" className="w-10 py-1.5 pl-3">
              <span className="sr-only">Remove</span>
            </th>
            <th scope="col" className="px-3 py-1.5">
              Volume
            </th>
            <th scope="col" className="px-3 py-1.5">
              Last used
            </th>
            <th scope="col" className="px-3 py-1.5">
              Created
            </th>
            <th scope="col" className="px-3 py-1.5 text-right">
              Size
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {preview.volumes.map((v) => (
            <tr key={v.name} className={spared.has(v.name) ? "text-fg-subtle" : ""}>
              <td className="py-1.5 pl-3">
                <input
                  type="checkbox"
                  checked={!spared.has(v.name)}
                  onChange={(e) => onSpare(v.name, !e.target.checked)}
                  aria-label={`Remove ${v.name}`}
                  className="size-4 align-middle accent-[var(--color-danger-strong)]"
                />
              </td>
              <td className="px-3 py-1.5" title={v.name}>
                {shortName(v.name)}
                {v.anonymous && <span className="ml-2 text-xs text-info-fg">anonymous</span>}
              </td>
              <td className="px-3 py-1.5">
                <LastUsed volume={v} trackedSince={preview.usageTrackedSince} inline />
              </td>
              <td className="px-3 py-1.5 text-fg-muted">
                <Time iso={v.createdAt} />
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">
                <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
