import { AccessBadge } from "@/components/ui/AccessBadge";
import { PathText } from "@/components/ui/PathText";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { TextLink } from "@/components/ui/TextLink";
import type { Mount } from "@/lib/api/types";
import { shortName } from "@/lib/format";
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
  if (kind === "tmpfs") return <span className="text-fg-muted">in memory</span>;
  const where = mount.source || mount.name;
  return where ? <PathText path={where} /> : <span className="text-fg-muted">—</span>;
}

/** One container's mounts. Fixed column widths keep the columns aligned from one container's card to the next. */
export function MountsTable({ engine, containerName, mounts }: { engine: string; containerName: string; mounts: Mount[] }) {
  return (
    <Table caption={`Mounts of ${containerName}`} className="min-w-[46rem] table-fixed">
      <THead>
        <Th className="w-44">Type</Th>
        <Th>Volume or host path</Th>
        <Th>Mounted at</Th>
        <Th className="w-28">Access</Th>
        <Th className="w-28">Propagation</Th>
      </THead>
      <TBody>
        {mounts.map((m) => (
          <tr key={m.destination}>
            <Td>
              <MountTypeBadge mount={m} />
            </Td>
            <Td>
              <MountSource engine={engine} mount={m} />
            </Td>
            <Td>
              <PathText path={m.destination} />
            </Td>
            <Td>
              <AccessBadge readOnly={m.readOnly} />
            </Td>
            <Td className="text-fg-muted">{m.propagation}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
