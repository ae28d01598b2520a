// Pure helpers for the containers page: which containers a search shows, and what kind each mount is.
import type { Container, Mount } from "@/lib/api/types";

export type StateFilter = "all" | "running" | "not-running";

export type MountKind = "named" | "anonymous" | "bind" | "tmpfs" | "other";

export function mountKind(m: Mount): MountKind {
  if (m.type === "volume") return m.anonymous ? "anonymous" : "named";
  if (m.type === "bind" || m.type === "tmpfs") return m.type;
  return "other";
}

function haystack(c: Container): string[] {
  return [c.name, c.image, ...c.mounts.flatMap((m) => [m.name ?? "", m.source, m.destination])];
}

/** Case-insensitive substring search over names, image, volume names and both ends of every mount. */
export function filterContainers(containers: Container[], search: string, state: StateFilter): Container[] {
  const needle = search.trim().toLowerCase();
  return containers.filter((c) => {
    if (state === "running" && c.state !== "running") return false;
    if (state === "not-running" && c.state === "running") return false;
    return !needle || haystack(c).some((s) => s.toLowerCase().includes(needle));
  });
}
