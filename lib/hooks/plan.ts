// Pure: which hook commands run, in which container, for a backup of one volume. Unit-tested.
import type { HookPhase, HookSource, HooksSpec } from "@/lib/api/hook-schemas";

/** The little the plan needs of a container (from the engine's container list). */
export type HookContainer = { id: string; name: string; state: string; labels: Record<string, string>; volumes: string[] };

export type PlannedHook = { phase: HookPhase; source: HookSource; containerId: string; container: string; argv: string[] };

// offen/docker-volume-backup's labels (shell command strings), so its users can move over; and our own.
export const OFFEN_LABELS = { pre: "docker-volume-backup.archive-pre", post: "docker-volume-backup.archive-post" } as const;
export const VOLDECK_LABELS = { pre: "voldeck.hooks.pre", post: "voldeck.hooks.post" } as const;

export class HookPlanError extends Error {}

const shell = (command: string) => ["/bin/sh", "-c", command];

function findContainer(all: HookContainer[], ref: string): HookContainer {
  const c = all.find((x) => x.name === ref.replace(/^\//, "") || x.id === ref || (ref.length >= 12 && x.id.startsWith(ref)));
  if (!c) throw new HookPlanError(`The hook container "${ref}" does not exist (any more) on this engine.`);
  if (c.state !== "running") throw new HookPlanError(`The hook container "${c.name}" is ${c.state}, not running: its hooks cannot run.`);
  return c;
}

function requestContainer(all: HookContainer[], volume: string, ref: string | undefined): HookContainer {
  if (ref) return findContainer(all, ref);
  const running = all.filter((c) => c.state === "running" && c.volumes.includes(volume));
  if (running.length === 1) return running[0];
  const names = running.map((c) => c.name).join(", ");
  throw new HookPlanError(
    running.length
      ? `Several running containers mount "${volume}" (${names}): say which one runs the hooks ("container").`
      : `No running container mounts "${volume}": say which container runs the hooks ("container").`,
  );
}

/**
 * Pre-hooks run in order: the labelled containers' (by name), then the request's. Post-hooks in the opposite
 * order of containers (the request's first, each list in its own order), so each post undoes its pre inside the others. On one container our own label wins over offen's
 * (someone moving over may carry both). Labels are read only on running containers that mount the volume.
 */
export function planHooks(spec: HooksSpec | undefined, volume: string, all: HookContainer[]): { pre: PlannedHook[]; post: PlannedHook[] } {
  const pre: PlannedHook[] = [];
  const labelPost: PlannedHook[] = [];
  const post: PlannedHook[] = [];
  if (spec?.labels !== false) {
    const holders = all.filter((c) => c.state === "running" && c.volumes.includes(volume)).sort((a, b) => a.name.localeCompare(b.name));
    for (const c of holders) {
      for (const phase of ["pre", "post"] as const) {
        const command = c.labels[VOLDECK_LABELS[phase]] ?? c.labels[OFFEN_LABELS[phase]];
        if (command?.trim()) (phase === "pre" ? pre : labelPost).push({ phase, source: "label", containerId: c.id, container: c.name, argv: shell(command) });
      }
    }
  }
  if (spec?.pre?.length || spec?.post?.length) {
    const c = requestContainer(all, volume, spec.container);
    for (const argv of spec.pre ?? []) pre.push({ phase: "pre", source: "request", containerId: c.id, container: c.name, argv });
    for (const argv of spec.post ?? []) post.push({ phase: "post", source: "request", containerId: c.id, container: c.name, argv });
  }
  return { pre, post: [...post, ...labelPost.reverse()] };
}
