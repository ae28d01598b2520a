import Link from "next/link";
import { memo, type Ref } from "react";
import { Badge } from "@/components/ui/Badge";
import type { Volume } from "@/lib/api/types";
import { formatDateTime, formatRelative, shortName } from "@/lib/format";
import { volumeHref } from "@/lib/routes";
import { LastUsed } from "./LastUsed";
import { anonymousOwner } from "./volume-filter";
import { VolumeSize } from "./VolumeSize";

type Props = {
  engine: string;
  volume: Volume;
  trackedSince: string | null;
  onRemove?: (name: string) => void;
  /** Present when rows can be selected (operators); `selected` says whether this one is. */
  onSelect?: (name: string, selected: boolean) => void;
  selected?: boolean;
  /** For the virtualized table: lets it measure the row. */
  rowRef?: Ref<HTMLTableRowElement>;
  index?: number;
};

// Memoised: a live refresh re-renders only the rows whose volume changed.
export const VolumeRow = memo(function VolumeRow({ engine, volume: v, trackedSince, onRemove, onSelect, selected = false, rowRef, index }: Props) {
  const labels = Object.entries(v.labels);
  const owner = v.anonymous ? anonymousOwner(v) : null;
  return (
    <tr ref={rowRef} data-index={index} className={selected ? "bg-accent-soft hover:bg-accent-soft" : "hover:bg-surface-2"}>
      {onSelect && (
        <td className="w-8 py-2 pl-3 align-top">
          <input
            type="checkbox"
            checked={selected}
            onChange={(e) => onSelect(v.name, e.target.checked)}
            aria-label={`Select ${v.name}`}
            className="mt-0.5 h-4 w-4"
          />
        </td>
      )}
      <td className="px-3 py-2 [overflow-wrap:anywhere]">
        <Link
          // No viewport prefetch: with thousands of rows, scrolling would fetch a page for every row passed.
          prefetch={false}
          href={volumeHref(engine, v.name)}
          className="font-medium text-accent-fg hover:underline"
          title={v.name}
        >
          {shortName(v.name)}
        </Link>
        {v.anonymous && (
          <span className="ml-2 align-middle">
            <Badge tone="violet" title="Created by the engine for an unnamed mount">
              anonymous
            </Badge>
          </span>
        )}
        {v.heldBy && (
          <span className="ml-2 align-middle">
            <Badge tone="amber" title="A replace-restore's scratch volume: never pruned; the console removes it once it has recovered the restore">
              {v.heldBy === "interrupted-restore" ? "held by an interrupted restore" : "held by a restore"}
            </Badge>
          </span>
        )}
        {v.anonymous && <p className="mt-0.5 truncate text-xs text-fg-muted">{owner ? `of ${owner}` : "left by a removed container"}</p>}
      </td>
      <td className="px-3 py-2 text-fg-muted">{v.driver}</td>
      <td className="px-3 py-2 text-right tabular-nums text-fg-muted">
        <VolumeSize bytes={v.sizeBytes} status={v.sizeStatus} />
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        {v.inUse ? (
          <>
            <span title={v.containers.map((c) => c.containerName).join(", ")}>{v.containers.length}</span>
            {/* On a Swarm manager a service's spec holds the volume even while none of its tasks runs. */}
            {!!v.services?.length && (
              <span className="ml-1.5 align-middle" title={v.services.map((s) => s.serviceName).join(", ")}>
                <Badge tone="sky">
                  +{v.services.length} service{v.services.length === 1 ? "" : "s"}
                </Badge>
              </span>
            )}
          </>
        ) : (
          <Badge tone="amber">unused</Badge>
        )}
      </td>
      <td className="px-3 py-2">
        <LastUsed volume={v} trackedSince={trackedSince} />
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-fg-muted" title={formatDateTime(v.createdAt)}>
        {formatRelative(v.createdAt)}
      </td>
      <td className="max-w-xs px-3 py-2">
        <div className="flex flex-wrap gap-1">
          {labels.slice(0, 3).map(([k, val]) => (
            <Badge key={k} title={`${k}=${val}`}>
              <span className="max-w-48 truncate">
                {k}={val}
              </span>
            </Badge>
          ))}
          {labels.length > 3 && <span className="text-xs text-fg-subtle">+{labels.length - 3} more</span>}
        </div>
      </td>
      <td className="px-3 py-2 text-right">
        {onRemove && (
          <button
            type="button"
            onClick={() => onRemove(v.name)}
            className="rounded px-2 py-1 text-xs font-medium text-danger-fg hover:bg-danger-soft"
            aria-label={`Remove volume ${v.name}`}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  );
});
