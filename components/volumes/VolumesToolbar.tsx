"use client";
import type { UsageFilter, VolumeQuery } from "./volume-filter";

const usages: { value: UsageFilter; label: string }[] = [
  { value: "all", label: "All volumes" },
  { value: "in-use", label: "In use" },
  { value: "unused", label: "Unused" },
  { value: "anonymous", label: "Anonymous" },
];

type Props = {
  query: VolumeQuery;
  onQuery: (q: VolumeQuery) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  canGroup: boolean;
};

const input = "rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm";

export function VolumesToolbar({ query, onQuery, grouped, onGrouped, canGroup }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
        Search
        <input
          type="search"
          value={query.search}
          onChange={(e) => onQuery({ ...query, search: e.target.value })}
          placeholder="Name, container, path, label…"
          className={`${input} w-72`}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
        Show
        <select value={query.usage} onChange={(e) => onQuery({ ...query, usage: e.target.value as UsageFilter })} className={input}>
          {usages.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
        Label
        <input value={query.label} onChange={(e) => onQuery({ ...query, label: e.target.value })} placeholder="key or key=value" className={`${input} w-48`} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
        <span>
          Unused for more than <span className="sr-only">this many days</span>
        </span>
        <span className="flex items-center gap-1.5 text-sm font-normal">
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={query.unusedForDays ?? ""}
            onChange={(e) => onQuery({ ...query, unusedForDays: daysFrom(e.target.valueAsNumber) })}
            placeholder="any"
            className={`${input} w-20`}
          />
          <span aria-hidden>days</span>
        </span>
      </label>
      {canGroup && (
        <label className="flex items-center gap-2 pb-2 text-sm text-fg-muted">
          <input type="checkbox" checked={grouped} onChange={(e) => onGrouped(e.target.checked)} className="h-4 w-4" />
          Group by compose project
        </label>
      )}
    </div>
  );
}

/** Empty or not a number of days: no filter. */
function daysFrom(value: number): number | null {
  return Number.isFinite(value) && value >= 0 ? value : null;
}
