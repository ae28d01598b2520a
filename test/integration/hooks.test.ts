// Application-consistent hooks, through the engine's exec API, in busybox containers (no network). A writer keeps
// its record half-written most of the time ("BEGIN n", a pause, then "END n") unless a pause flag asks it to
// stop between records: a backup without the hook catches a half-written record; with the pre-hook (raise the
// flag, wait for the writer to say it paused) it holds only complete ones, and the post-hook lets the writer go on.
// Then the faults: a failing pre-hook, a hanging one, a container that is gone; and offen's labels honoured.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadTo, expectError, get, post } from "../helpers/api";
import { backupVolume, deleteBackupsOf, listBackups, runJob, strayBackupFiles } from "../helpers/backups";
import { docker, runSleeper, TEST_IMAGE } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("hooks"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vd-hooks-"));
const data = s.volume(s.name("data"));
const writer = s.container(s.name("writer"));

// Between BEGIN and END the record is half-written for 1 s; a complete record lasts only until the next loop.
const WRITER = `i=0; while true; do
  if [ -e /data/.pause ]; then touch /data/.paused; while [ -e /data/.pause ]; do sleep 0.05; done; rm -f /data/.paused; fi
  i=$((i+1)); echo "BEGIN $i" > /data/record; sleep 1; echo "END $i" >> /data/record
done`;
const PAUSE = ["/bin/sh", "-c", "touch /data/.pause; while [ ! -e /data/.paused ]; do sleep 0.05; done"];
const RESUME = ["rm", "-f", "/data/.pause"];

beforeAll(async () => {
  await docker("volume", "create", data);
  await docker("run", "-d", "--network", "none", "--name", writer, "-v", `${data}:/data`, TEST_IMAGE, "sh", "-c", WRITER);
}, 60_000);

afterAll(async () => {
  await deleteBackupsOf(s.prefix);
  await s.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const backupPath = (volume: string) => `/api/engines/local/volumes/${encodeURIComponent(volume)}/backups`;

/** A file's content in a backup's archive (uncompressed), or null when the archive has no such entry. */
async function fileInBackup(id: string, name: string): Promise<string | null> {
  const file = path.join(tmp, `${id}.tar`);
  expect((await downloadTo(`/api/backups/${id}/download`, file)).status).toBe(200);
  const entries = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).split("\n");
  const entry = entries.find((e) => e.replace(/^\.\//, "") === name);
  return entry === undefined ? null : execFileSync("tar", ["-xOf", file, entry], { encoding: "utf8" });
}

const existsIn = (container: string, file: string) =>
  docker("exec", container, "sh", "-c", `test -e ${file} && echo yes || echo no`).then((out) => out === "yes");

describe("hooks around a backup", () => {
  it("without a hook a backup catches the writer's record half-written", async () => {
    // The record is complete only for an instant per second; three tries make a fluke all but impossible.
    const records: (string | null)[] = [];
    for (let i = 0; i < 3 && !records.some((r) => r !== null && !r.includes("END")); i++) {
      const { backup } = await backupVolume(data, { compression: "none", hooks: { labels: false } });
      records.push(await fileInBackup(backup.id, "record"));
    }
    expect(records.some((r) => r !== null && /^BEGIN \d+\n$/.test(r))).toBe(true);
  });

  it("with the pre-hook the backup holds only a complete record, and the post-hook lets the writer go on", async () => {
    const { job, backup } = await backupVolume(data, { compression: "none", hooks: { pre: [PAUSE], post: [RESUME], timeoutSeconds: 20 } });
    const record = await fileInBackup(backup.id, "record");
    expect(record).toMatch(/^BEGIN (\d+)\nEND \1\n$/);
    expect(await fileInBackup(backup.id, ".paused")).not.toBeNull(); // the pre-hook's effect is in the copy
    expect(job.hooks?.map((h) => [h.phase, h.source, h.container, h.exitCode, h.timedOut])).toEqual([
      ["pre", "request", writer, 0, false],
      ["post", "request", writer, 0, false],
    ]);
    expect(await existsIn(writer, "/data/.pause")).toBe(false);
    await until(
      "the writer to resume",
      () => existsIn(writer, "/data/.paused"),
      (paused) => !paused,
      { timeoutMs: 5_000 },
    );
  });

  it("a failing pre-hook fails the job with its output, still runs the post-hook, and keeps no backup", async () => {
    const before = (await listBackups()).filter((b) => b.volume === data).length;
    const job: Job = await runJob(backupPath(data), {
      compression: "none",
      hooks: { pre: [["/bin/sh", "-c", "echo dump-refused >&2; exit 3"]], post: [["touch", "/data/post-ran"]] },
    });
    expect(job.state).toBe("failed");
    expect(job.error).toContain("exit code 3");
    expect(job.error).toContain("dump-refused");
    expect(job.backupId).toBeNull();
    expect(await existsIn(writer, "/data/post-ran")).toBe(true);
    expect((await listBackups()).filter((b) => b.volume === data).length).toBe(before);
    expect(await strayBackupFiles()).toEqual([]);
    await docker("exec", writer, "rm", "-f", "/data/post-ran");
  });

  it("a hanging pre-hook times out, is killed, and fails the job", async () => {
    const job = await runJob(backupPath(data), { compression: "none", hooks: { pre: [["sleep", "4242"]], timeoutSeconds: 1 } });
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/timed out after 1 s/);
    expect(job.hooks?.[0]).toMatchObject({ phase: "pre", timedOut: true });
    await until(
      "the hanging hook to be killed",
      () => docker("exec", writer, "ps", "-o", "args"),
      (ps) => !ps.includes("sleep 4242"),
      { timeoutMs: 10_000 },
    );
  });

  it("a hook container that is gone fails the job and says so", async () => {
    const job = await runJob(backupPath(data), { compression: "none", hooks: { container: `${s.prefix}-nothere`, pre: [["true"]] } });
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/does not exist/);
  });

  it("honours offen's docker-volume-backup.archive-pre/-post labels on a container that mounts the volume", async () => {
    const labelled = s.volume(s.name("offen"));
    await docker("volume", "create", labelled);
    const app = s.container(s.name("app"));
    await runSleeper(
      app,
      "-v",
      `${labelled}:/data`,
      "--label",
      "docker-volume-backup.archive-pre=echo dumped > /data/dump.sql",
      "--label",
      "docker-volume-backup.archive-post=rm /data/dump.sql && touch /data/post-done",
    );
    const { job, backup } = await backupVolume(labelled, { compression: "none" });
    expect(await fileInBackup(backup.id, "dump.sql")).toBe("dumped\n");
    expect(job.hooks?.map((h) => [h.phase, h.source, h.argv[0]])).toEqual([
      ["pre", "label", "/bin/sh"],
      ["post", "label", "/bin/sh"],
    ]);
    expect(await existsIn(app, "/data/dump.sql")).toBe(false);
    expect(await existsIn(app, "/data/post-done")).toBe(true);
  });

  it("refuses malformed hooks (400) before any job starts", async () => {
    for (const hooks of [{ pre: [[]] }, { pre: "echo hi" }, { timeoutSeconds: 0 }, { post: [["x"]], extra: 1 }]) {
      expectError(await post(backupPath(data), { compression: "none", hooks }), 400, "invalid_input");
    }
  });

  it("suggests a recipe for a container whose image looks like PostgreSQL, none for the busybox writer", async () => {
    const image = `voldeck-test/postgres:${s.prefix}`;
    await docker("tag", TEST_IMAGE, image);
    const db = s.container(s.name("pg"));
    try {
      await docker("create", "--network", "none", "--name", db, "-v", `${data}:/var/lib/postgresql/data`, image, "true");
      const answer = await get(`/api/engines/local/volumes/${data}/hook-recipes`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.recipes.map((r: { container: string; kind: string }) => [r.container, r.kind])).toEqual([[db, "postgresql"]]);
      expect(answer.body.recipes[0].hooks.pre[0][2]).toContain("pg_dumpall");
      expect(answer.body.recipes[0].hooks.post[0][2]).toBe("rm -f '/var/lib/postgresql/data/.voldeck-dump.sql'");
    } finally {
      await docker("rm", "-f", db);
      await docker("rmi", image);
    }
  });
});
