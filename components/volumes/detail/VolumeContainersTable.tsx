import { AccessBadge } from "@/components/ui/AccessBadge";
import { StateBadge } from "@/components/ui/Badge";
import { PathText } from "@/components/ui/PathText";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { TextLink } from "@/components/ui/TextLink";
import type { VolumeContainer } from "@/lib/api/types";
import { containerHref } from "@/lib/routes";

/** Every container that mounts the volume, running or not; `--volumes-from` users are among them. */
export function VolumeContainersTable({ engine, volumeName, containers }: { engine: string; volumeName: string; containers: VolumeContainer[] }) {
  if (containers.length === 0) {
    return (
      <div className="px-4 py-6 text-center">
        <p className="font-medium text-fg">Not used by any container.</p>
        <p className="mt-1 text-sm text-fg-muted">No container, running or stopped, mounts this volume.</p>
      </div>
    );
  }
  return (
    <Table caption={`Containers that mount ${volumeName}`}>
      <THead>
        <Th>Container</Th>
        <Th>State</Th>
        <Th>Mounted at</Th>
        <Th>Access</Th>
      </THead>
      <TBody>
        {containers.map((c) => (
          <tr key={`${c.containerId}:${c.destination}`}>
            <Td>
              <TextLink href={containerHref(engine, c.containerName)} className="[overflow-wrap:anywhere]">
                {c.containerName}
              </TextLink>
            </Td>
            <Td>
              <StateBadge state={c.state} />
            </Td>
            <Td>
              <PathText path={c.destination} />
            </Td>
            <Td>
              <AccessBadge readOnly={c.readOnly} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
