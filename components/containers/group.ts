// Containers grouped by compose project, as people think of them ("the shop stack"); pure, unit-tested.
import type { Container } from "@/lib/api/types";

export type ContainerGroup = { project: string | null; containers: Container[]; running: number };

/** Projects in name order, each group's containers in name order; containers of no project come last. */
export function groupByProject(containers: Container[]): ContainerGroup[] {
  const groups = new Map<string | null, Container[]>();
  for (const c of containers) {
    const list = groups.get(c.composeProject);
    if (list) list.push(c);
    else groups.set(c.composeProject, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([project, list]) => ({
      project,
      containers: [...list].sort((a, b) => a.name.localeCompare(b.name)),
      running: list.filter((c) => c.state === "running").length,
    }));
}

/** "2 volumes · 1 bind · 1 tmpfs": what a container mounts, at a glance. */
export function mountSummary(c: Container): string {
  const count = { volume: 0, bind: 0, tmpfs: 0, other: 0 };
  for (const m of c.mounts) {
    if (m.type === "volume") count.volume++;
    else if (m.type === "bind" || m.type === "tmpfs") count[m.type]++;
    else count.other++;
  }
  const parts = [
    count.volume && `${count.volume} ${count.volume === 1 ? "volume" : "volumes"}`,
    count.bind && `${count.bind} bind`,
    count.tmpfs && `${count.tmpfs} tmpfs`,
    count.other && `${count.other} other`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "no mounts";
}
