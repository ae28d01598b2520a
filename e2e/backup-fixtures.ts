// The backup specs' fixtures on top of the shared ones: the backups page object, and a record of the volumes
// whose backups a test made, so that those backups are deleted afterwards (through the API, as admin).
import { request, type APIRequestContext } from "@playwright/test";
import { test as base } from "./fixtures";
import { BackupsPage } from "./pages/BackupsPage";

type Backup = { id: string; volume: string; sizeBytes: number; bytes: number; sha256: string };

type BackupFixtures = {
  backupsPage: BackupsPage;
  /** Requests as admin with the API token (no cookie). */
  api: APIRequestContext;
  /** Remembers a volume name whose backups this test makes; they are deleted after the test. */
  trackBackups: (volume: string) => string;
  /** The backups of a volume, as the API lists them. */
  backupsOf: (volume: string) => Promise<Backup[]>;
};

export const test = base.extend<BackupFixtures>({
  backupsPage: async ({ page }, use) => use(new BackupsPage(page)),
  api: async ({ baseURL }, use) => {
    const token = process.env.VOLDECK_API_TOKEN;
    if (!token) throw new Error("VOLDECK_API_TOKEN is not set: run the e2e tests through scripts/run-tests.mjs");
    const api = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` }, storageState: { cookies: [], origins: [] } });
    await use(api);
    await api.dispose();
  },
  backupsOf: async ({ api }, use) => {
    await use(async (volume) => {
      const res = await api.get("/api/backups");
      if (!res.ok()) throw new Error(`listing backups failed: ${res.status()}`);
      return ((await res.json()) as { backups: Backup[] }).backups.filter((b) => b.volume === volume);
    });
  },
  trackBackups: async ({ backupsOf, api }, use) => {
    const volumes = new Set<string>();
    await use((volume) => {
      volumes.add(volume);
      return volume;
    });
    for (const volume of volumes) {
      for (const b of await backupsOf(volume)) await api.delete(`/api/backups/${b.id}`);
    }
  },
});

export { expect } from "./fixtures";
