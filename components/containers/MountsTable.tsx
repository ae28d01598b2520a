"use client";
import { AccessBadge } from "@/components/ui/AccessBadge";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { PathText } from "@/components/ui/PathText";
import { TextLink } from "@/components/ui/TextLink";
import type { Mount } from "@/lib/api/types";
import { formatBytes, shortName } from "@/lib/format";
import { volumeHref } from "@/lib/routes";
import { mountKind } from "./filter";
import { MountTypeBadge } from "./MountTypeBadge";

function MountSource({ engine, mount }: { engine: string; mount: Mount }) {
  const kind = mountKind(mount);
  if ((kind === "named" || kind === "anonymous") && mount.name) {
    const anonymous = kind === "anonymous";
    return (
      <span className="inline-flex flex-wrap items-baseline gap-x-2">
        <TextLink
          href={volumeHref(engine, mount.name)}
          title={anonymous ? mount.name : undefined}
          className={`[overflow-wrap:anywhere] ${anonymous ? "font-mono" : ""}`}
        >
          {anonymous && <span className="sr-only">anonymous volume </span>}
          {shortName(mount.name)}
        </TextLink>
        {mount.driver && mount.driver !== "local" && <span className="text-xs text-fg-muted">driver {mount.driver}</span>}
      </span>
    );
  }
  if (kind === "tmpfs") return <TmpfsText mount={mount} />;
  const where = mount.source || mount.name;
  return where ? <PathText path={where} /> : <span className="text-fg-muted">—</span>;
}

/** "in memory · up to 64 MB · mode 1770": a tmpfs has no source, but its limit is what people look for. */
function TmpfsText({ mount }: { mount: Mount }) {
  const size = mount.tmpfs?.sizeBytes;
  const mode = mount.tmpfs?.mode;
  return (
    <span className="text-fg-muted">
      in memory
      {size ? ` · up to ${formatBytes(size)}` : ""}
      {mode ? ` · mode ${mode}` : ""}
    </span>
  );
}

type Props = { engine: string; containerName: string; mounts: Mount[] };

// Type, source and access fit a 9rem, a 7rem and a 7rem track; the paths share the rest and wrap after a slash.
const columns = (engine: string): DataColumn<Mount>[] => [
  { id: "type", header: "Type", width: "9.5rem", cell: (m) => <MountTypeBadge mount={m} /> },
  { id: "source", header: "Volume or host path", wrap: true, width: "minmax(8rem, 1.2fr)", cell: (m) => <MountSource engine={engine} mount={m} /> },
  { id: "destination", header: "Mounted at", rowHeader: true, wrap: true, width: "minmax(8rem, 1fr)", cell: (m) => <PathText path={m.destination} /> },
  { id: "access", header: "Access", width: "7rem", cell: (m) => <AccessBadge readOnly={m.readOnly} /> },
  { id: "propagation", header: "Propagation", width: "7rem", hideBelow: 800, cell: (m) => <span className="text-fg-muted">{m.propagation || "—"}</span> },
];

function MountCard({ engine, mount: m }: { engine: string; mount: Mount }) {
  return (
    <div className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <MountTypeBadge mount={m} />
        <AccessBadge readOnly={m.readOnly} />
      </div>
      <div>
        <MountSource engine={engine} mount={m} />
      </div>
      <div className="text-fg-muted">
        at <PathText path={m.destination} />
      </div>
    </div>
  );
}

/**
 * A container's (or a service's) mounts, one row per mount point, named by where it is mounted. It sits flush in
 * a box that clips (the container's open row, the service's card), so its header sticks at that box's top; below
 * 560 px of box a mount is a card, so a phone never scrolls sideways.
 */
export function MountsTable({ engine, containerName, mounts }: Props) {
  return (
    <div className="[--vd-sticky-top:0px]">
      <DataTable
        flush
        label={`Mounts of ${containerName}`}
        data={mounts}
        columns={columns(engine)}
        getRowId={(m) => m.destination}
        cardsBelow={560}
        cardHeight={72}
        renderCard={(m) => <MountCard engine={engine} mount={m} />}
      />
    </div>
  );
}
