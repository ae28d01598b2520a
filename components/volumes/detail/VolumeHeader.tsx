import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import type { Volume } from "@/lib/api/types";
import { plural } from "@/lib/format";

type Actions = { onBackup?: () => void; onClone?: () => void; onRemove?: () => void };

/** Title, badges and the actions (each absent when not allowed); before the volume has loaded only its name (from the URL) shows. */
export function VolumeHeader({ name, volume, onBackup, onClone, onRemove }: { name: string; volume?: Volume } & Actions) {
  const hex = /^[0-9a-f]{64}$/.test(name);
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Volume</p>
          <h1 className={`[overflow-wrap:anywhere] font-semibold tracking-tight text-fg ${hex ? "font-mono text-xl" : "text-2xl"}`}>{name}</h1>
        </div>
        {volume && (onBackup || onClone || onRemove) && (
          <div className="flex flex-wrap gap-2">
            {onBackup && (
              <Button variant="primary" onClick={onBackup}>
                Back up…
              </Button>
            )}
            {onClone && <Button onClick={onClone}>Copy or move…</Button>}
            {onRemove && (
              <Button variant="danger" onClick={onRemove}>
                Remove…
              </Button>
            )}
          </div>
        )}
      </div>
      {volume && (
        <div className="flex flex-wrap gap-2">
          {volume.inUse ? <Badge tone="green">in use by {usedBy(volume)}</Badge> : <Badge>unused</Badge>}
          {volume.anonymous && <Badge tone="violet">anonymous volume</Badge>}
          {volume.composeProject && <Badge tone="sky">compose project: {volume.composeProject}</Badge>}
          {volume.driver !== "local" && <Badge tone="amber">driver: {volume.driver}</Badge>}
        </div>
      )}
      {volume?.anonymous && (
        <p className="max-w-3xl rounded-md border border-info-line bg-info-soft px-4 py-3 text-sm text-info-fg">
          The engine created this volume and named it itself, for a container that asked for a mount without naming a volume (<code>-v /path</code>, or a{" "}
          <code>VOLUME</code> in its image). Removing that container leaves the volume behind unless it was removed with <code>docker rm -v</code> or started
          with <code>--rm</code>.
        </p>
      )}
    </header>
  );
}

/** "2 containers", "1 Swarm service", or both: a service's spec holds the volume even with no task running. */
function usedBy(v: Volume): string {
  const services = v.services?.length ?? 0;
  const parts = [];
  if (v.containers.length || !services) parts.push(plural(v.containers.length, "container"));
  if (services) parts.push(plural(services, "Swarm service"));
  return parts.join(" and ");
}
