import { Boxes, Server } from "lucide-react";
import { MountsTable } from "@/components/containers/MountsTable";
import { Badge } from "@/components/ui/Badge";
import type { Service } from "@/lib/api/types";
import { serviceAnchor } from "@/lib/routes";

/** "replicated · 1/2 running", "global · 3 running": what the manager wants beside what runs. */
function ModeBadge({ service: s }: { service: Service }) {
  const short = s.replicas !== null && s.runningTasks < s.replicas;
  const text = s.replicas !== null ? `${s.runningTasks}/${s.replicas} running` : `${s.runningTasks} running`;
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge>{s.mode}</Badge>
      <Badge tone={short ? "amber" : s.runningTasks > 0 ? "green" : "slate"}>{text}</Badge>
    </span>
  );
}

/** One service: its mode, the nodes running its tasks and the mounts its spec gives every task. */
export function ServiceCard({ engine, service: s }: { engine: string; service: Service }) {
  const headingId = `${serviceAnchor(s.name)}-heading`;
  return (
    <section
      id={serviceAnchor(s.name)}
      aria-labelledby={headingId}
      className="scroll-mt-16 overflow-hidden rounded-lg border border-line bg-surface shadow-sm target:border-accent target:ring-2 target:ring-accent"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-3 py-2">
        <Boxes aria-hidden className="size-4 text-fg-muted" />
        <h2 id={headingId} className="[overflow-wrap:anywhere] text-sm font-semibold text-fg">
          {s.name}
        </h2>
        <ModeBadge service={s} />
        <code className="min-w-0 truncate text-xs text-fg-muted sm:ml-auto" title={s.image}>
          {s.image}
        </code>
      </div>
      <p className="flex items-center gap-1.5 border-b border-line bg-surface-2 px-3 py-1.5 text-xs text-fg-muted">
        <Server aria-hidden className="size-3.5" />
        {s.nodes.length > 0 ? (
          <>
            Tasks running on {s.nodes.length === 1 ? "node" : "nodes"}: <strong className="font-medium text-fg">{s.nodes.join(", ")}</strong>
          </>
        ) : (
          "No task running on any node."
        )}
      </p>
      {s.mounts.length > 0 ? (
        <MountsTable engine={engine} containerName={s.name} mounts={s.mounts} />
      ) : (
        <p className="px-3 py-2 text-sm text-fg-muted">Its spec declares no mounts.</p>
      )}
    </section>
  );
}
