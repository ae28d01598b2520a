import { Panel } from "@/components/ui/Panel";
import type { Volume } from "@/lib/api/types";
import { KeyValueList } from "./KeyValueList";
import { VolumeContainersTable } from "./VolumeContainersTable";
import { VolumeFacts } from "./VolumeFacts";

export function VolumeDetailView({ engine, volume }: { engine: string; volume: Volume }) {
  const users = volume.containers.length;
  return (
    <div className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title="Details">
          <VolumeFacts volume={volume} />
        </Panel>
        <Panel title={users > 0 ? `Used by (${users})` : "Used by"} flush className="self-start">
          <VolumeContainersTable engine={engine} volumeName={volume.name} containers={volume.containers} />
        </Panel>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Panel title="Labels">
          <KeyValueList entries={volume.labels} label="Labels" />
        </Panel>
        <Panel title="Driver options">
          <KeyValueList entries={volume.options} label="Driver options" />
        </Panel>
      </div>
    </div>
  );
}
