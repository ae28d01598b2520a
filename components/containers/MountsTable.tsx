import { AccessBadge } from "@/components/ui/AccessBadge";
import { PathText } from "@/components/ui/PathText";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
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

/** A phone gets one small card per mount; a wider screen the table (fixed widths keep containers aligned). */
export function MountsTable({ engine, containerName, mounts }: Props) {
  return (
    <>
      <ul aria-label={`Mounts of ${containerName}`} className="divide-y divide-line sm:hidden">
        {mounts.map((m) => (
          <li key={m.destination} className="space-y-1 px-3 py-2 text-sm">
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
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table caption={`Mounts of ${containerName}`} className="table-fixed">
          <THead>
            <Th className="w-40">Type</Th>
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
                <Td className="text-fg-muted">{m.propagation || "—"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
