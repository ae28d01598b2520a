// A console killed in the middle of a policy run (issue 13, "the console restarted mid-policy"): after the start
// that follows, the run is recorded as interrupted (not lost, not left "running" for ever), each of its volumes
// too, and nothing runs it again by itself. A second console with its own data dir, killed with SIGKILL.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PolicyRun as Run } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, expect, it } from "vitest";
import { callConsole, startConsole, type SecondConsole } from "../helpers/console";
import { docker, runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("polrestart"));
const token = "policy-restart-token-0123456789abcdef";
const volumes = [s.volume(s.name("a")), s.volume(s.name("b"))];
const app = s.container(s.name("app"));
const consoles: SecondConsole[] = [];
let dataDir = "";

const call = <T = any>(c: SecondConsole, method: string, route: string, body?: unknown) => callConsole<T>(c, token, method, route, body);

async function start(): Promise<SecondConsole> {
  const c = await startConsole(dataDir, { VOLDECK_API_TOKEN: token, VOLDECK_POLICY_CONCURRENCY: "1" });
  consoles.push(c);
  return c;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-polrestart-"));
  for (const v of volumes) await docker("volume", "create", v);
  await runSleeper(app, ...volumes.flatMap((v, i) => ["-v", `${v}:/data${i}`]));
}, 60_000);

afterAll(async () => {
  for (const c of consoles) await c.stop();
  await s.cleanup();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it("a run cut off by a killed console is interrupted after the next start, volumes included, and not run again", async () => {
  const first = await start();
  const created = await call<{ id: string }>(first, "POST", "/api/policies", {
    name: `${s.prefix} cut off`,
    selector: { engines: ["local"], namePattern: `${s.prefix}*` },
    target: { kind: "tar", compression: "none" },
    cron: "0 3 1 1 *",
    consistency: "hooks",
    // The pre-hook holds the first volume's backup long enough to kill the console in the middle of the run.
    hooks: { container: app, pre: [["sleep", "120"]], timeoutSeconds: 300 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const run = await call<{ jobs: Job[]; run: number }>(first, "POST", `/api/policies/${id}/run`);
  expect(run.status, JSON.stringify(run.body)).toBe(202);
  expect(run.body.jobs).toHaveLength(1); // concurrency 1: the second volume waits its turn
  await until(
    "the run to be recorded as running",
    async () => (await call<{ runs: Run[] }>(first, "GET", `/api/policies/${id}`)).body.runs,
    (runs) => runs.length === 1 && runs[0].state === "running",
  );
  await first.kill();

  const second = await start();
  const runs = await until(
    "the cut-off run to be marked interrupted",
    async () => (await call<{ runs: Run[] }>(second, "GET", `/api/policies/${id}`)).body.runs,
    (r) => r.length > 0 && r[0].state !== "running",
    { timeoutMs: 30_000 },
  );
  expect(runs).toHaveLength(1);
  expect(runs[0].id).toBe(run.body.run);
  expect(runs[0].state).toBe("interrupted");
  expect(runs[0].volumes.map((v) => v.state).sort()).toEqual(["interrupted", "interrupted"]);
  expect(runs[0].volumes[0].error).toContain("stopped");
  // Nothing started it again: no job of the new console backs these volumes up.
  const jobs = (await call<{ jobs: Job[] }>(second, "GET", "/api/jobs")).body.jobs;
  expect(jobs.filter((j) => volumes.includes(j.volume ?? "") && j.state === "running")).toEqual([]);
});
