"use client";
import Link from "next/link";
import type { Volume } from "@/lib/api/types";
import { Badge } from "@/components/ui/Badge";
import { formatDateTime, formatRelative, shortName } from "@/lib/format";
import { VolumeSize } from "./VolumeSize";
import { anonymousOwner, type Sort, type SortKey, type VolumeGroup } from "./volume-filter";

const columns: { key: SortKey | null; label: string; className?: string }[] = [
  { key: "name", label: "Name" },
  { key: "driver", label: "Driver" },
  { key: "size", label: "Size", className: "text-right" },
  { key: "containers", label: "Containers", className: "text-right" },
  { key: "created", label: "Created" },
  { key: null, label: "Labels" },
];

type Props = {
  engine: string;
  groups: VolumeGroup[];
  grouped: boolean;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** Absent when the user may not remove volumes. */
  onRemove?: (name: string) => void;
};

export function VolumesTable({ engine, groups, grouped, sort, onSort, onRemove }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-label="Volumes">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={`px-3 py-2 font-semibold ${c.className ?? ""}`}
                aria-sort={c.key && sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
              >
                {c.key ? (
                  <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-900" onClick={() => onSort(c.key!)}>
                    {c.label}
                    <span aria-hidden>{sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.project ?? "(none)"} className="divide-y divide-slate-100">
            {grouped && (
              <tr className="bg-slate-100/70">
                <th scope="rowgroup" colSpan={columns.length + 1} className="px-3 py-1.5 text-xs font-semibold text-slate-700">
                  {g.project ? `Compose project ${g.project}` : "Not in a compose project"} · {g.volumes.length}
                </th>
              </tr>
            )}
            {g.volumes.map((v) => (
              <VolumeRow key={v.name} engine={engine} volume={v} onRemove={onRemove} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function VolumeRow({ engine, volume: v, onRemove }: { engine: string; volume: Volume; onRemove?: (name: string) => void }) {
  const labels = Object.entries(v.labels);
  const owner = v.anonymous ? anonymousOwner(v) : null;
  return (
    <tr className="hover:bg-slate-50">
      <td className="max-w-xs px-3 py-2">
        <Link
          href={`/engines/${encodeURIComponent(engine)}/volumes/${encodeURIComponent(v.name)}`}
          className="font-medium text-sky-800 hover:underline"
          title={v.name}
        >
          {shortName(v.name)}
        </Link>
        {v.anonymous && (
          <span className="ml-2 align-middle">
            <Badge tone="violet" title="Created by the engine for an unnamed mount">anonymous</Badge>
          </span>
        )}
        {v.anonymous && (
          <p className="mt-0.5 truncate text-xs text-slate-600">{owner ? `of ${owner}` : "left by a removed container"}</p>
        )}
      </td>
      <td className="px-3 py-2 text-slate-700">{v.driver}</td>
      <td className="px-3 py-2 text-right tabular-nums text-slate-700">
        <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        {v.inUse ? (
          <span title={v.containers.map((c) => c.containerName).join(", ")}>{v.containers.length}</span>
        ) : (
          <Badge tone="amber">unused</Badge>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-slate-700" title={formatDateTime(v.createdAt)}>
        {formatRelative(v.createdAt)}
      </td>
      <td className="max-w-xs px-3 py-2">
        <div className="flex flex-wrap gap-1">
          {labels.slice(0, 3).map(([k, val]) => (
            <Badge key={k} title={`${k}=${val}`}>
              <span className="max-w-48 truncate">{k}={val}</span>
            </Badge>
          ))}
          {labels.length > 3 && <span className="text-xs text-slate-500">+{labels.length - 3} more</span>}
        </div>
      </td>
      <td className="px-3 py-2 text-right">
        {onRemove && (
          <button
            type="button"
            onClick={() => onRemove(v.name)}
            className="rounded px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
            aria-label={`Remove volume ${v.name}`}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
