"use client";
import { SearchField } from "@/components/ui/SearchField";
import { useUrlText } from "@/components/ui/useUrlText";
import type { VolumeQuery } from "./volume-filter";

type Props = { query: Required<VolumeQuery>; onQuery: (q: Required<VolumeQuery>) => void };

const input = "h-8 rounded-md border border-line-strong bg-surface px-2.5 text-sm placeholder:text-fg-subtle";

/** Search and the filters that are not counts; every value lives in the URL (the page owns it). */
export function VolumesToolbar({ query, onQuery }: Props) {
  const [search, setSearch] = useUrlText(query.search, (text) => onQuery({ ...query, search: text }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchField label="Search" value={search} onChange={setSearch} placeholder="Search name, container, path, label…" />
      <label className="flex items-center gap-1.5 text-xs text-fg-muted">
        Label
        <input value={query.label} onChange={(e) => onQuery({ ...query, label: e.target.value })} placeholder="key or key=value" className={`${input} w-40`} />
      </label>
      <label className="flex items-center gap-1.5 text-xs text-fg-muted">
        <span>
          Unused for more than <span className="sr-only">this many days</span>
        </span>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={query.unusedForDays ?? ""}
          onChange={(e) => onQuery({ ...query, unusedForDays: daysFrom(e.target.valueAsNumber) })}
          placeholder="any"
          className={`${input} w-16`}
        />
        <span aria-hidden>days</span>
      </label>
    </div>
  );
}

/** Empty or not a whole number of days: no filter. */
function daysFrom(value: number): number | null {
  return Number.isInteger(value) && value >= 0 ? value : null;
}
