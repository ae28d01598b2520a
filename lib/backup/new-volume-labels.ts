// Pure: which of a source volume's labels a new volume (restored or cloned into a new name) is created with.
// Unit-tested beside.

/** Docker Compose claims a volume by these labels (project, volume, version, config hash). */
export const COMPOSE_LABEL_PREFIX = "com.docker.compose.";

/**
 * The labels a new volume gets from its source. Compose's own labels are left out unless asked: a copy carrying
 * them is listed inside the source's compose project, and `docker compose down -v` of that project would treat
 * it as its own. A move keeps them by default (the volume takes the source's place, see clone.ts).
 */
export function labelsForNewVolume(labels: Record<string, string> | null | undefined, keepComposeLabels: boolean): Record<string, string> {
  const all = labels ?? {};
  if (keepComposeLabels) return { ...all };
  return Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(COMPOSE_LABEL_PREFIX)));
}
