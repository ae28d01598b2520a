// Data for the every-page harness and the README pictures, so that no page is empty: a compose project "shop"
// (a database volume with data, in use by a running container with a read-only and a bind mount beside it),
// a plain volume, an unused one, and a verified backup of the database. Fixed, readable names (they appear
// in the README); anything left by an earlier run is replaced. Removed again by `unseed`.
import { request } from "@playwright/test";
import { DockerCli } from "../support/docker";

export const SEEDED = { db: "shop_db", uploads: "shop_uploads", metrics: "metrics-data", spare: "old-cache", container: "shop-db-1" };

const compose = (volume: string) => ({ "com.docker.compose.project": "shop", "com.docker.compose.volume": volume, "com.docker.compose.version": "2.27.0" });

function api(baseURL: string) {
  const token = process.env.VOLDECK_API_TOKEN;
  if (!token) throw new Error("VOLDECK_API_TOKEN is not set: run the e2e tests through scripts/run-tests.mjs");
  return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` }, storageState: { cookies: [], origins: [] } });
}

export async function seed(baseURL: string): Promise<DockerCli> {
  const docker = new DockerCli(process.env.DOCKER_HOST ?? "");
  await docker.run("rm", "-f", SEEDED.container).catch(() => {});
  await docker.createVolume(SEEDED.db, compose("db"));
  await docker.createVolume(SEEDED.uploads, compose("uploads"));
  await docker.createVolume(SEEDED.metrics, { team: "ops" });
  await docker.createVolume(SEEDED.spare);
  const bind = await docker.tempDir("design-bind");
  await docker.runSleeper(
    SEEDED.container,
    "-v",
    `${SEEDED.db}:/var/lib/db`,
    "-v",
    `${SEEDED.uploads}:/srv/uploads:ro`,
    "-v",
    `${bind}:/etc/shop:ro`,
    "--tmpfs",
    "/run/shop:size=16m",
  );
  // Some content, so that sizes, the file browser and the backup are not empty.
  await docker.run(
    "exec",
    SEEDED.container,
    "sh",
    "-c",
    "mkdir -p /var/lib/db/base/16384 && dd if=/dev/urandom of=/var/lib/db/base/16384/2619 bs=1024 count=3072 2>/dev/null && echo 'max_connections = 100' > /var/lib/db/postgresql.conf && for i in 1 2 3 10 20 100; do echo $i > /var/lib/db/base/wal-$i; done",
  );
  const client = await api(baseURL);
  try {
    const existing = (await (await client.get("/api/backups")).json()) as { backups: { volume: string }[] };
    if (!existing.backups.some((b) => b.volume === SEEDED.db)) {
      const started = await client.post(`/api/engines/local/volumes/${SEEDED.db}/backups`, { data: { compression: "gzip" } });
      if (started.status() !== 202) throw new Error(`backup of ${SEEDED.db}: ${started.status()} ${await started.text()}`);
      const { job } = (await started.json()) as { job: { id: string } };
      for (let i = 0; i < 120; i++) {
        const state = ((await (await client.get(`/api/jobs/${job.id}`)).json()) as { job?: { state: string }; state?: string }) ?? {};
        const s = state.job?.state ?? state.state;
        if (s && s !== "queued" && s !== "running") break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await client.dispose();
  }
  return docker;
}

export async function unseed(baseURL: string, docker: DockerCli): Promise<void> {
  await docker.cleanup();
  const client = await api(baseURL);
  try {
    const { backups } = (await (await client.get("/api/backups")).json()) as { backups: { id: string; volume: string }[] };
    for (const b of backups.filter((x) => x.volume === SEEDED.db)) await client.delete(`/api/backups/${b.id}`);
  } finally {
    await client.dispose();
  }
}
