import { COMPOSE_LABEL_PREFIX } from "@/lib/backup/new-volume-labels";

/** Whether a volume (or a backup of one) carries Docker Compose's own labels. */
export function hasComposeLabels(labels: Record<string, string> | null | undefined): boolean {
  return Object.keys(labels ?? {}).some((k) => k.startsWith(COMPOSE_LABEL_PREFIX));
}

/**
 * The opt-in for a new volume made from one that a compose project owns: without it the copy is left out of the
 * project (the server drops com.docker.compose.* labels), so it is not listed inside it nor removed by
 * `docker compose down -v`. Shown only when there is something to keep.
 */
export function KeepComposeLabels({ project, checked, onChange }: { project: string | null; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4" />
      <span>
        <span className="font-medium text-fg">Keep the Docker Compose labels{project ? ` (project ${project})` : ""}</span>
        <span className="block text-fg-muted">
          Off: the new volume does not belong to the compose project. On: compose treats it as one of the project&apos;s volumes.
        </span>
      </span>
    </label>
  );
}
