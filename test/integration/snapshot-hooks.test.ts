// Application-consistent hooks around a restic snapshot (issue 13), as around a tar backup (hooks.test.ts): the
// pre-hook's dump is in the snapshot and gone from the live volume after the post-hook; a failing pre-hook takes
// no snapshot and still runs the post-hook; a policy with a repository target runs its hooks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FileListing } from "@/lib/api/files-types";
import type { Policy } from "@/lib/api/policy-types";
import type { RepoSnapshot } from "@/lib/api/repository-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, get, post } from "../helpers/api";
import { expectSucceeded, runJob, waitJob } from "../helpers/backups";
import { docker, runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { addRepo } from "../helpers/repositories";

const s = new Scenario(uniquePrefix("snaphooks"));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "vd-snaphooks-"));
const repo = s.name("repo");
const data = s.volume(s.name("data"));
const app = s.container(s.name("app"));
const policies: string[] = [];

const snapshotPath = `/api/engines/local/volumes/${data}/snapshots`;
const existsIn = (file: string) => docker("exec", app, "sh", "-c", `test -e ${file} && echo yes || echo no`).then((out) => out === "yes");
const snapshotsOfData = async () =>
  (await get<{ snapshots: RepoSnapshot[] }>(`/api/repositories/${repo}/snapshots?engine=local&volume=${data}`)).body.snapshots;
const fileIn = async (sid: string, name: string) => (await get(`/api/repositories/${repo}/snapshots/${sid}/files/content?path=/${name}`)).text;

beforeAll(async () => {
  await docker("volume", "create", data);
  await runSleeper(app, "-v", `${data}:/data`);
  await docker("exec", app, "sh", "-c", "echo live > /data/app.db");
  await addRepo(repo, { kind: "local", location: path.join(root, "repo") });
}, 60_000);

afterAll(async () => {
  for (const id of policies) await del(`/api/policies/${id}`);
  await del(`/api/repositories/${repo}`);
  await s.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("hooks around a snapshot", () => {
  it("the pre-hook's dump is in the snapshot; the post-hook removes it from the live volume", async () => {
    const job = await expectSucceeded(
      await runJob(snapshotPath, {
        repository: repo,
        hooks: { pre: [["/bin/sh", "-c", "echo dumped > /data/dump.sql"]], post: [["rm", "-f", "/data/dump.sql"]] },
      }),
    );
    const top = await get<FileListing>(`/api/repositories/${repo}/snapshots/${job.snapshotId}/files?path=/`);
    expect(top.body.entries.map((e) => e.name).sort()).toEqual(["app.db", "dump.sql"]);
    expect(await fileIn(job.snapshotId!, "dump.sql")).toBe("dumped\n");
    expect(await existsIn("/data/dump.sql")).toBe(false);
  });

  it("a failing pre-hook fails the job with its output, takes no snapshot, and still runs the post-hook", async () => {
    const before = (await snapshotsOfData()).length;
    const job: Job = await runJob(snapshotPath, {
      repository: repo,
      hooks: { pre: [["/bin/sh", "-c", "echo dump-refused >&2; exit 3"]], post: [["touch", "/data/post-ran"]] },
    });
    expect(job.state).toBe("failed");
    expect(job.error).toContain("exit code 3");
    expect(job.error).toContain("dump-refused");
    expect(job.snapshotId ?? null).toBeNull();
    expect(await existsIn("/data/post-ran")).toBe(true);
    expect((await snapshotsOfData()).length).toBe(before);
    await docker("exec", app, "rm", "-f", "/data/post-ran");
  });

  it("a policy with a repository target and hooks runs them around its snapshot", async () => {
    const created = await post<Policy>("/api/policies", {
      name: `${s.prefix} hooks into a repository`,
      selector: { engines: ["local"], namePattern: data },
      target: { kind: "repository", repository: repo },
      cron: "0 3 * * *",
      consistency: "hooks",
      hooks: { pre: [["/bin/sh", "-c", "echo by-policy > /data/policy-dump.sql"]], post: [["rm", "-f", "/data/policy-dump.sql"]] },
    });
    expect(created.status, created.text).toBe(201);
    policies.push(created.body.id);
    const run = await post<{ jobs: Job[] }>(`/api/policies/${created.body.id}/run`);
    expect(run.status, run.text).toBe(202);
    expect(run.body.jobs).toHaveLength(1);
    const job = await expectSucceeded(await waitJob(run.body.jobs[0].id));
    expect(job.kind).toBe("snapshot");
    expect(await fileIn(job.snapshotId!, "policy-dump.sql")).toBe("by-policy\n");
    expect(await existsIn("/data/policy-dump.sql")).toBe(false);
  });
});
