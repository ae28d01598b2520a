"use client";
import { Copy, DatabaseBackup, Trash2 } from "lucide-react";
import { ActionMenu, type MenuAction } from "@/components/ui/ActionMenu";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import type { Volume } from "@/lib/api/types";
import { plural } from "@/lib/format";

type Actions = {
  onBackup?: () => void;
  onClone?: () => void;
  onRemove?: () => void;
  /** Why the engine cannot be written to now (down, not answering): every action is disabled with it. */
  writesDisabledReason?: string | null;
};

/**
 * Title, badges and the actions (each absent when not allowed); before the volume has loaded only its name (from
 * the URL) shows. On a phone the actions fold into one menu, so the title keeps the row's width (it used to be
 * squeezed to one letter per line by three buttons).
 */
export function VolumeHeader({ name, volume, onBackup, onClone, onRemove, writesDisabledReason }: { name: string; volume?: Volume } & Actions) {
  const hex = /^[0-9a-f]{64}$/.test(name);
  const blocked = writesDisabledReason ?? undefined;
  const actions: MenuAction[] = [
    { label: "Back up…", icon: DatabaseBackup, onSelect: () => onBackup?.(), hidden: !onBackup, disabledReason: blocked },
    { label: "Copy or move…", icon: Copy, onSelect: () => onClone?.(), hidden: !onClone, disabledReason: blocked },
    { label: "Remove…", icon: Trash2, onSelect: () => onRemove?.(), hidden: !onRemove, danger: true, disabledReason: blocked },
  ];
  const shown = volume ? actions.filter((a) => !a.hidden) : [];
  return (
    <header className="space-y-3">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Volume</p>
          <h1 className={`[overflow-wrap:anywhere] font-semibold tracking-tight text-fg ${hex ? "font-mono text-lg sm:text-xl" : "text-xl sm:text-2xl"}`}>
            {name}
          </h1>
        </div>
        {shown.length > 0 && (
          <>
            <div className="hidden shrink-0 flex-wrap justify-end gap-2 sm:flex">
              {shown.map(({ label, icon: Icon, onSelect, danger }) => (
                <Button
                  key={label}
                  variant={danger ? "danger" : label === "Back up…" ? "primary" : "secondary"}
                  onClick={onSelect}
                  disabled={Boolean(blocked)}
                  title={blocked}
                >
                  {Icon && <Icon aria-hidden className="size-4" />}
                  {label}
                </Button>
              ))}
            </div>
            <div className="shrink-0 sm:hidden">
              <ActionMenu label={`Actions for volume ${name}`} actions={shown} />
            </div>
          </>
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
      {blocked && volume && <p className="text-sm text-warn-fg">{blocked}</p>}
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
