"use client";
import { Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { Backup } from "@/lib/api/types";
import { useNow } from "@/components/ui/useNowTick";
import { AGE_CHOICES, filterBackups, groupByVolume, parseAge } from "./backup-filter";
import { BackupGroup } from "./BackupGroup";

type Props = {
  backups: Backup[];
  onRestore?: (b: Backup) => void;
  onDelete?: (b: Backup) => void;
  writesDisabledReason?: string | null;
};

const control = "rounded-md border border-line-strong bg-surface px-2.5 py-1.5 text-sm text-fg";
// Up to this many groups start open; more start closed, so the list reads as an index of volumes.
const OPEN_UP_TO = 4;

/** Search, engine and date filters (kept in the URL) over the backups, grouped per volume. */
export function BackupCatalog({ backups, onRestore, onDelete, writesDisabledReason }: Props) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? params.get("volume") ?? "";
  const engine = params.get("engine") ?? "";
  const age = parseAge(params.get("age"));
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    next.delete("volume");
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const engines = useMemo(() => [...new Set(backups.map((b) => b.engine).filter((e): e is string => e !== null))].sort(), [backups]);
  const now = useNow();
  const groups = useMemo(() => groupByVolume(filterBackups(backups, { q, engine, age }, now)), [backups, q, engine, age, now]);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  // A link to one backup (#backup-<id>, from a finished job) opens its group so the row can be shown.
  const [linked] = useState(() => (typeof window === "undefined" ? "" : window.location.hash.replace(/^#backup-/, "")));
  const linkedVolume = linked ? backups.find((b) => b.id === linked)?.volume : undefined;
  const filtering = Boolean(q || engine || age !== "any");
  const isOpen = (volume: string) => toggled[volume] ?? (volume === linkedVolume || filtering || groups.length <= OPEN_UP_TO);

  useEffect(() => {
    if (linkedVolume) requestAnimationFrame(() => document.getElementById(`backup-${linked}`)?.scrollIntoView({ block: "center" }));
  }, [linked, linkedVolume]);

  return (
    <div className="rounded-lg border border-line bg-surface shadow-sm">
      <div role="search" className="flex flex-wrap items-center gap-2 border-b border-line p-3">
        <label className="relative min-w-0 flex-1 basis-48">
          <span className="sr-only">Search backups</span>
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-subtle" />
          <input
            type="search"
            value={q}
            onChange={(e) => setParam("q", e.target.value)}
            placeholder="Volume, id or sha256"
            className={`${control} w-full pl-8`}
          />
        </label>
        <label>
          <span className="sr-only">Engine</span>
          <select value={engine} onChange={(e) => setParam("engine", e.target.value)} className={control}>
            <option value="">All engines</option>
            {engines.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
            <option value="uploaded">Uploaded</option>
          </select>
        </label>
        <label>
          <span className="sr-only">Created</span>
          <select value={age} onChange={(e) => setParam("age", e.target.value === "any" ? "" : e.target.value)} className={control}>
            {Object.entries(AGE_CHOICES).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </div>
      {groups.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-fg-muted">No backup matches these filters.</p>
      ) : (
        <ul aria-label="Backups per volume">
          {groups.map((g) => (
            <BackupGroup
              key={g.volume}
              group={g}
              open={isOpen(g.volume)}
              onToggle={() => setToggled((t) => ({ ...t, [g.volume]: !isOpen(g.volume) }))}
              onRestore={onRestore}
              onDelete={onDelete}
              writesDisabledReason={writesDisabledReason}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
