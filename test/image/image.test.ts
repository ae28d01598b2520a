// The container image as users run it, on a private engine: the built image, the engine's socket mounted, a named
// volume for /data, no network. Two ways: as compose.yaml runs it (root inside, the volumes directory mounted
// read-only for the direct data path) and as the image runs by default (user "node" joining the socket's group,
// data through the engine's archive API). Through the running container: health, first-run setup, the volumes
// list, a backup (of a file only its owner may read) and a restore.
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMAGE_SOCKET, IMAGE_TAG, idocker, inside } from "../helpers/image";
import { until } from "../helpers/poll";

const TEST_IMAGE = "voldeck-test/busybox:latest"; // imported by scripts/test-engine.mjs
const PASSWORD = `pw-${randomBytes(9).toString("base64url")}`;
const ORIGIN = "http://127.0.0.1:3000";

const busybox = (volume: string, script: string) => idocker("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", script);
const RUNS = [
  { how: "as compose.yaml runs it (root, volumes directory read-only: direct data path)", asCompose: true, dataPath: "direct", user: "root" },
  { how: "as the image runs by default (user node in the socket's group: archive data path)", asCompose: false, dataPath: "archive", user: "node" },
];

describe.each(RUNS)("the container image $how", ({ asCompose, dataPath, user }) => {
  const CONTAINER = `voldeck-image-${randomBytes(3).toString("hex")}`;
  const SOURCE = `${CONTAINER}-src`;
  const RESTORED = `${CONTAINER}-restored`;
  const DATA = `${CONTAINER}-data`;
  let cookie = "";
  const signedIn = () => ({ Cookie: cookie, Origin: ORIGIN });

  async function waitJob(id: string) {
    return until(
      `job ${id}`,
      async () => (await inside(CONTAINER, "GET", `/api/jobs/${id}`, { headers: signedIn() })).json,
      (job) => job?.state === "succeeded" || job?.state === "failed",
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }

  beforeAll(async () => {
    expect(IMAGE_TAG, "VOLDECK_IMAGE_TAG (set by scripts/run-tests.mjs)").not.toBe("");
    await idocker("volume", "create", SOURCE);
    await busybox(SOURCE, "mkdir -p /v/d && echo hello from the image test > /v/d/f && ln -s d/f /v/link && chmod 600 /v/d/f && chown 4321 /v/d/f");
    // compose.yaml: root, the volumes directory read-only at the engine's own path (mountpoints mean the same
    // inside). By default: user node, with the socket's group. Both: /data a named volume.
    const volumesDir = path.dirname(path.dirname(await idocker("volume", "inspect", "-f", "{{.Mountpoint}}", SOURCE)));
    const how = asCompose ? ["--user", "0:0", "-v", `${volumesDir}:${volumesDir}:ro`] : ["--group-add", String(statSync(IMAGE_SOCKET).gid)];
    await idocker(
      "run",
      "-d",
      "--name",
      CONTAINER,
      "--network",
      "none",
      ...how,
      "-v",
      `${IMAGE_SOCKET}:/var/run/docker.sock`,
      "-v",
      `${DATA}:/data`,
      // The image's own healthcheck command, asked more often than its 30 s so the test need not wait.
      "--health-interval",
      "1s",
      IMAGE_TAG,
    );
  }, 120_000);

  afterAll(async () => {
    const logs = await idocker("logs", CONTAINER).catch(() => "");
    if (logs) console.log(`--- container log ---\n${logs.slice(-4000)}`);
    await idocker("rm", "-f", CONTAINER).catch(() => {});
    await idocker("volume", "rm", "-f", SOURCE, RESTORED, DATA).catch(() => {});
  });

  it(`becomes healthy by its own healthcheck, running as ${user}, with restic and rclone inside`, async () => {
    await until(
      "the container to be healthy",
      () => idocker("inspect", "-f", "{{.State.Health.Status}}", CONTAINER),
      (s) => s === "healthy",
      {
        timeoutMs: 90_000,
        intervalMs: 500,
      },
    );
    expect(await idocker("exec", CONTAINER, "id", "-un")).toBe(user);
    expect(await idocker("exec", CONTAINER, "restic", "version")).toMatch(/^restic \d/);
    expect(await idocker("exec", CONTAINER, "rclone", "version")).toMatch(/^rclone v\d/);
  });

  it("runs the first-run setup and keeps its state in /data", async () => {
    expect((await inside(CONTAINER, "GET", "/api/auth/setup")).json).toMatchObject({ needed: true });
    const setup = await inside(CONTAINER, "POST", "/api/auth/setup", { headers: { Origin: ORIGIN }, json: { username: "admin", password: PASSWORD } });
    expect(setup.status, setup.text).toBe(201);
    cookie = setup.cookie?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^voldeck_session=/);
    expect(await idocker("exec", CONTAINER, "ls", "/data")).not.toBe("");
  });

  it("lists the engine's volumes through the mounted socket", async () => {
    const answer = await inside(CONTAINER, "GET", "/api/volumes", { headers: signedIn() });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.volumes.map((v: { name: string }) => v.name)).toContain(SOURCE);
  });

  it("backs a volume up and restores it into a new volume with the same contents", async () => {
    const started = await inside(CONTAINER, "POST", `/api/engines/local/volumes/${SOURCE}/backups`, { headers: signedIn(), json: {} });
    expect(started.status, started.text).toBe(202);
    const backup = await waitJob(started.json.job.id);
    expect(backup.error).toBeNull();
    expect(backup.state).toBe("succeeded");
    expect(backup.dataPath).toBe(dataPath);
    const record = await inside(CONTAINER, "GET", `/api/backups/${backup.backupId}`, { headers: signedIn() });
    expect(record.json, record.text).toMatchObject({ verified: true });
    const restore = await inside(CONTAINER, "POST", `/api/backups/${backup.backupId}/restore`, {
      headers: signedIn(),
      json: { volume: RESTORED, mode: "new" },
    });
    expect(restore.status, restore.text).toBe(202);
    const restored = await waitJob(restore.json.job.id);
    expect(restored.error).toBeNull();
    expect(restored.state).toBe("succeeded");
    expect(await busybox(RESTORED, "cat /v/d/f; readlink /v/link; stat -c %a:%u /v/d/f")).toBe("hello from the image test\nd/f\n600:4321");
  });
});
