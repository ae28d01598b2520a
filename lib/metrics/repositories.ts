import "server-only";
import { repositoryStatus } from "@/lib/restic/repositories";
import { listRepoRows, type RepoRow } from "@/lib/restic/store";

// Whether each repository answers costs restic calls (seconds for a remote one): never inside a scrape. A scrape
// reads what the last background probe found and starts the next one when that is older than PROBE_EVERY_MS.
const PROBE_EVERY_MS = 5 * 60_000;

type Probe = { reachable: Map<string, boolean>; at: number; running: boolean };
const g = globalThis as typeof globalThis & { __voldeckRepoProbe?: Probe };
const probe: Probe = (g.__voldeckRepoProbe ??= { reachable: new Map(), at: 0, running: false });

export type RepositoryFacts = { row: RepoRow; reachable: boolean | undefined };

export function repositoryFacts(now = Date.now()): RepositoryFacts[] {
  const rows = listRepoRows();
  if (!probe.running && now - probe.at > PROBE_EVERY_MS && rows.length) {
    probe.running = true;
    void Promise.all(rows.map(async (r) => [r.id, (await repositoryStatus(r)).reachable] as const))
      .then((found) => {
        probe.reachable = new Map(found);
        probe.at = Date.now();
      })
      .catch((e: unknown) => console.error("voldeck: metrics could not probe the repositories:", e))
      .finally(() => (probe.running = false));
  }
  return rows.map((row) => ({ row, reachable: probe.reachable.get(row.id) }));
}
