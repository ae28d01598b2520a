// Pure: where the engine switcher goes. Unit-tested.

const ENGINE_SECTIONS = new Set(["volumes", "containers", "services"]);

/** The section of an engine page (`/engines/x/containers/...` → "containers"), else null. */
export function engineSection(pathname: string): string | null {
  const m = /^\/engines\/[^/]+\/([^/]+)/.exec(pathname);
  return m && ENGINE_SECTIONS.has(m[1]) ? m[1] : null;
}

/**
 * The page to open for `engine` (null: the all-engines view) from `pathname`: the same section on the other
 * engine (a volume's page leads to the other engine's list, where that volume need not exist), else its volumes.
 */
export function targetPath(pathname: string, engine: string | null): string {
  if (engine === null) return "/volumes";
  return `/engines/${encodeURIComponent(engine)}/${engineSection(pathname) ?? "volumes"}`;
}
