// The volumes list's cells: one line each, details in the tooltip, so a row stays 40 px high.
import { IntentLink } from "@/components/ui/IntentLink";
import { AlertTriangle, Check, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Time } from "@/components/ui/Time";
import type { Volume } from "@/lib/api/types";
import { shortName } from "@/lib/format";
import { volumeHref } from "@/lib/routes";
import { anonymousOwner } from "../volume-filter";

export function NameCell({ engine, v }: { engine: string; v: Volume }) {
  const owner = v.anonymous ? anonymousOwner(v) : null;
  return (
    <span className="flex min-w-0 items-center gap-2">
      <IntentLink
        // No viewport prefetch: with thousands of rows, scrolling would fetch a page for every row passed.
        prefetch={false}
        href={volumeHref(engine, v.name)}
        className={`truncate font-medium text-accent-fg hover:underline ${v.anonymous ? "font-mono text-[13px]" : ""}`}
        title={v.anonymous ? `${v.name}\n${owner ? `of ${owner}` : "left by a removed container"}` : v.name}
      >
        {shortName(v.name)}
      </IntentLink>
      {v.anonymous && (
        <Badge tone="violet" title={owner ? `Created by the engine for ${owner}` : "Created by the engine for an unnamed mount; its container is gone"}>
          anonymous
        </Badge>
      )}
      {v.heldBy && (
        <Badge tone="amber" title="A replace-restore's scratch volume: never pruned; the console removes it once it has recovered the restore">
          {v.heldBy === "interrupted-restore" ? "held: interrupted restore" : "held by a restore"}
        </Badge>
      )}
    </span>
  );
}

/** Who uses it: the number of containers (named in the tooltip), Swarm services too; or "unused". */
export function UsersCell({ v }: { v: Volume }) {
  if (!v.inUse) return <span className="text-fg-subtle">unused</span>;
  const names = [...v.containers.map((c) => c.containerName), ...(v.services ?? []).map((s) => `service ${s.serviceName}`)];
  const running = v.containers.some((c) => c.state === "running");
  return (
    // Inline, the dot centred on the text: an inline-flex box whose first item is an empty dot took the dot's
    // bottom as its baseline and sat lower than the row's other words.
    <span title={names.join(", ")}>
      <span aria-hidden className={`mr-1.5 inline-block size-1.5 rounded-full align-middle ${running ? "bg-ok" : "bg-fg-subtle"}`} />
      {names.length === 1 ? names[0] : `${names.length} users`}
    </span>
  );
}

/** Labels other than the compose ones (the Stack column says those), the first one and "+N". */
export function LabelsCell({ v }: { v: Volume }) {
  const labels = Object.entries(v.labels).filter(([k]) => !k.startsWith("com.docker.compose.") && k !== "com.docker.volume.anonymous");
  if (labels.length === 0) return <span className="text-fg-subtle">—</span>;
  const [k, val] = labels[0];
  return (
    <span className="flex min-w-0 items-center gap-1" title={labels.map(([key, value]) => `${key}=${value}`).join("\n")}>
      <span className="truncate rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-fg-muted">
        {k}={val}
      </span>
      {labels.length > 1 && <span className="shrink-0 text-xs text-fg-subtle">+{labels.length - 1}</span>}
    </span>
  );
}

export function StackCell({ v }: { v: Volume }) {
  if (!v.composeProject) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="truncate" title={`Compose project ${v.composeProject} (label com.docker.compose.project)`}>
      {v.composeProject}
    </span>
  );
}

/** "never", when (relative; exact on hover), or "failed"; a verified archive carries a shield. */
export function LastBackupCell({ v }: { v: Volume }) {
  const b = v.lastBackup;
  if (b === undefined) return <span className="text-fg-subtle">—</span>;
  if (b === null) return <span className="text-fg-subtle">never</span>;
  if (!b.ok)
    return (
      <span className="inline-flex items-center gap-1 text-danger-fg">
        <AlertTriangle aria-hidden className="size-3.5 shrink-0" />
        failed <Time iso={b.at} />
      </span>
    );
  const Icon = b.verified ? ShieldCheck : Check;
  return (
    <span className="inline-flex items-center gap-1" title={b.verified ? "Verified backup" : "Backup not verified"}>
      <Icon aria-hidden className={`size-3.5 shrink-0 ${b.verified ? "text-ok-fg" : "text-warn-fg"}`} />
      <Time iso={b.at} />
      <span className="sr-only">{b.verified ? "(verified)" : "(not verified)"}</span>
    </span>
  );
}
