import type { ReactNode } from "react";
import { PathText } from "@/components/ui/PathText";
import type { Volume } from "@/lib/api/types";
import { Time } from "@/components/ui/Time";
import { formatBytes } from "@/lib/format";
import { KeyValueList } from "./KeyValueList";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-fg-muted">{term}</dt>
      <dd className="min-w-0 text-sm text-fg">{children}</dd>
    </div>
  );
}

function Size({ volume }: { volume: Volume }) {
  if (volume.sizeBytes !== null) {
    return (
      <>
        {formatBytes(volume.sizeBytes)}
        {volume.sizeBytes >= 1024 && <span className="text-fg-muted"> ({volume.sizeBytes.toLocaleString("en")} bytes)</span>}
      </>
    );
  }
  if (volume.sizeStatus === "unavailable") {
    return <span className="text-fg-muted">not measurable: the engine reports no size for this driver or tmpfs</span>;
  }
  return <span className="text-fg-muted">measuring…</span>;
}

/** What `docker volume inspect` says, plus the size the engine measures in the background. */
export function VolumeFacts({ volume }: { volume: Volume }) {
  return (
    <dl className="divide-y divide-line">
      <Fact term="Name">
        <code className="[overflow-wrap:anywhere]">{volume.name}</code>
      </Fact>
      <Fact term="Driver">{volume.driver}</Fact>
      <Fact term="Scope">{volume.scope}</Fact>
      <Fact term="Mountpoint">
        <PathText path={volume.mountpoint} />
      </Fact>
      <Fact term="Created">{volume.createdAt ? <Time iso={volume.createdAt} /> : <span className="text-fg-muted">unknown</span>}</Fact>
      <Fact term="Size">
        <Size volume={volume} />
      </Fact>
      {volume.composeProject && <Fact term="Compose project">{volume.composeProject}</Fact>}
      {volume.status && Object.keys(volume.status).length > 0 && (
        <Fact term="Status">
          <KeyValueList entries={volume.status} label="Driver status" />
        </Fact>
      )}
    </dl>
  );
}
