"use client";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { VolumeQuery } from "./volume-filter";

type Props = { query: Required<VolumeQuery>; onQuery: (q: Required<VolumeQuery>) => void };

const input = "h-8 rounded-md border border-line-strong bg-surface px-2.5 text-sm placeholder:text-fg-subtle";

/** Search and the filters that are not counts; every value lives in the URL (the page owns it). */
export function VolumesToolbar({ query, onQuery }: Props) {
  // The box keeps its own text: the URL it writes to is read back a moment later, and a controlled input fed
  // from it would drop keystrokes typed in between. A change from outside (Back, a shared link) is taken over.
  const [search, setSearch] = useState(query.search);
  // What this box wrote and the URL has not echoed yet: an echo is not a change from outside.
  const written = useRef<string[]>([]);
  useEffect(() => {
    const i = written.current.indexOf(query.search);
    if (i >= 0) written.current.splice(0, i + 1);
    else setSearch(query.search);
  }, [query.search]);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="relative min-w-0 flex-1 basis-56 sm:max-w-80">
        <span className="sr-only">Search</span>
        <Search aria-hidden className="pointer-events-none absolute top-2 left-2.5 size-4 text-fg-subtle" />
        <input
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            written.current.push(e.target.value);
            onQuery({ ...query, search: e.target.value });
          }}
          placeholder="Search name, container, path, label…"
          className={`${input} w-full pl-8`}
        />
      </label>
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
