// Pure and client-safe: every URL of the console's pages is built here, and the ids of the rows and cards those
// URLs point into (#backup-<id>, …), so a link and its target cannot drift apart. The HTTP API's URLs are
// built in lib/api/*. Unit-tested in routes.test.ts.

/** The engine the console opens with; pages of no engine link the engine sections to it. */
export const DEFAULT_ENGINE = "local";

export const LOGIN_HREF = "/login";
/** Where a single sign-on lands: a page that moves on to the console with the new session cookie (see its page). */
export const LOGIN_COMPLETE_HREF = "/login/complete";
export const SETUP_HREF = "/setup";
/** The all-engines view: every engine's volumes on one page. */
export const ALL_VOLUMES_HREF = "/volumes";
// Backups and schedules are kept by the console, not by an engine: one page each for all engines.
export const BACKUPS_HREF = "/backups";
export const SCHEDULES_HREF = "/schedules";
/** restic repositories: kept by the console, for all engines. */
export const REPOSITORIES_HREF = "/repositories";
export const COVERAGE_HREF = "/coverage";

/**
 * The file browser of a repository's snapshot, at `path` (relative to the snapshotted volume's root). `of`: the
 * volume it was taken of, when known: the page then reads that volume's snapshots only, not the repository's all.
 */
export const snapshotHref = (repository: string, snapshot: string, path = "/", of?: { engine: string; volume: string }): string => {
  const base = `${REPOSITORIES_HREF}/${encodeURIComponent(repository)}/snapshots/${encodeURIComponent(snapshot)}`;
  const q = new URLSearchParams({ ...(path === "/" ? {} : { path }), ...of });
  return q.size ? `${base}?${q}` : base;
};

export type AdminSection = "engines" | "users" | "tokens" | "audit" | "notifications";
export const adminHref = (section: AdminSection) => `/admin/${section}`;

// ---- one engine's pages: /engines/{engine}/{section}

const ENGINE_SECTIONS = ["volumes", "containers", "services"] as const;
export type EngineSection = (typeof ENGINE_SECTIONS)[number];

export const engineSectionHref = (engine: string, section: EngineSection) => `/engines/${encodeURIComponent(engine)}/${section}`;

export const volumesHref = (engine: string) => engineSectionHref(engine, "volumes");

/** Where the console starts, and where a signed-in user lands. */
export const HOME_HREF = volumesHref(DEFAULT_ENGINE);

export const volumeHref = (engine: string, name: string) => `${volumesHref(engine)}/${encodeURIComponent(name)}`;

/** The file browser of a volume, at `path` (relative to the volume root, "/" for the root). */
export const filesHref = (engine: string, volume: string, path = "/"): string => {
  const base = `${volumeHref(engine, volume)}/files`;
  return path === "/" ? base : `${base}?${new URLSearchParams({ path })}`;
};

/** A page under /engines/{id} belongs to that engine (the switcher names it); the rest name none. */
export const isEnginePage = (pathname: string) => pathname.startsWith("/engines/");

/** The section of an engine page (`/engines/x/containers/...` → "containers"), else null. */
export function engineSection(pathname: string): EngineSection | null {
  const m = /^\/engines\/[^/]+\/([^/]+)/.exec(pathname);
  return m && (ENGINE_SECTIONS as readonly string[]).includes(m[1]) ? (m[1] as EngineSection) : null;
}

/**
 * Where the engine switcher goes: the page to open for `engine` (null: the all-engines view) from `pathname`: the
 * same section on the other engine (a volume's page leads to the other engine's list, where that volume need not
 * exist), else its volumes.
 */
export function targetPath(pathname: string, engine: string | null): string {
  if (engine === null) return ALL_VOLUMES_HREF;
  return engineSectionHref(engine, engineSection(pathname) ?? "volumes");
}

// ---- links into a page: the element's id, and the URL with it as the fragment

/** The prefix of a container card's id on the containers page (the page reads the name after it). */
export const CONTAINER_ANCHOR_PREFIX = "container-";
export const containerAnchor = (name: string) => `${CONTAINER_ANCHOR_PREFIX}${name}`;
/** A link to a container's card from the containers page itself (a fragment only: the page just scrolls). */
export const containerFragment = (name: string) => `#${encodeURIComponent(containerAnchor(name))}`;
export const containerHref = (engine: string, name: string) => `${engineSectionHref(engine, "containers")}${containerFragment(name)}`;

export const serviceAnchor = (name: string) => `service-${name}`;
/** The Services page, at the card of the service `name` if given. */
export const servicesHref = (engine: string, name?: string) => `${engineSectionHref(engine, "services")}${name ? `#${serviceAnchor(name)}` : ""}`;

export const backupAnchor = (id: string) => `backup-${id}`;
/** A backup's row on the backups page (highlighted there as the target). */
export const backupHref = (id: string) => `${BACKUPS_HREF}#${backupAnchor(id)}`;

export const scheduleAnchor = (id: string) => `schedule-${id}`;
export const scheduleHref = (id: string) => `${SCHEDULES_HREF}#${scheduleAnchor(id)}`;
