// Backup policies and coverage through real HTTP against a real engine: CRUD and its refusals, a label selector
// run now that backs up exactly the matching volumes (never one labelled voldeck.backup=false, never an excluded
// name), a volume created later picked by the next run, a selector matching nothing (shown, zero jobs), and the
// coverage of a protected, an unprotected and an excluded volume.
import type { CoverageAnswer, CoverageVolume } from "@/lib/api/coverage-types";
import type { Policy, PolicyDetail } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, del, expectError, get, post } from "../helpers/api";
import { createToken, revokeToken } from "../helpers/auth";
import { deleteBackupsOf, listBackups } from "../helpers/backups";
import { docker, runOnce } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const scenario = new Scenario(uniquePrefix("pol"));
const policies: string[] = [];
const tokens: string[] = [];
let viewer = "";
const GROUP = "voldeck.test.group";

async function newVolume(tag: string, labels: Record<string, string> = {}): Promise<string> {
  const name = scenario.volume(scenario.name(tag));
  await docker("volume", "create", ...Object.entries(labels).flatMap(([k, v]) => ["--label", `${k}=${v}`]), name);
  await runOnce(["-v", `${name}:/v`], "echo hello > /v/hello.txt");
  return name;
}

const basePolicy = (extra: Record<string, unknown> = {}) => ({
  name: `${scenario.prefix} policy`,
  selector: { engines: ["local"], labels: { [GROUP]: scenario.prefix } },
  target: { kind: "tar" },
  cron: "0 3 * * *",
  ...extra,
});

async function createPolicy(body: Record<string, unknown>): Promise<Policy> {
  const answer = await api<Policy>("/api/policies", { method: "POST", json: body });
  expect(answer.status, answer.text).toBe(201);
  policies.push(answer.body.id);
  return answer.body;
}

/** Runs the policy now and waits until every volume of that run has finished; answers the run. */
async function runNow(id: string): Promise<{ jobs: Job[]; run: PolicyDetail["runs"][number] }> {
  const answer = await post<{ jobs: Job[]; run: number }>(`/api/policies/${id}/run`);
  expect(answer.status, answer.text).toBe(202);
  const detail = await until(
    `run ${answer.body.run} of ${id} to finish`,
    async () => (await get<PolicyDetail>(`/api/policies/${id}`)).body,
    (d) => d.runs.some((r) => r.id === answer.body.run && r.state !== "running"),
    { timeoutMs: 60_000 },
  );
  return { jobs: answer.body.jobs, run: detail.runs.find((r) => r.id === answer.body.run)! };
}

beforeAll(async () => {
  const vw = await createToken("viewer");
  tokens.push(vw.id);
  viewer = vw.secret;
});

afterAll(async () => {
  for (const id of policies) await del(`/api/policies/${id}`);
  await deleteBackupsOf(scenario.prefix);
  for (const t of tokens) await revokeToken(t);
  await scenario.cleanup();
});

describe("policies: create, read, change, delete, and refusals", () => {
  it("keeps a policy, shows its next runs and matches, changes and deletes it", async () => {
    const p = await createPolicy(basePolicy({ selector: { engines: ["*"], namePattern: `${scenario.prefix}-nothing-*` } }));
    expect(p).toMatchObject({ consistency: "none", enabled: true, matches: 0, lastRun: null });
    expect(p.nextRuns).toHaveLength(3);
    const changed = await api<Policy>(`/api/policies/${p.id}`, { method: "PUT", json: { cron: "30 4 * * *", enabled: false } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ cron: "30 4 * * *", enabled: false, name: p.name });
    expect((await get<{ policies: Policy[] }>("/api/policies")).body.policies.map((x) => x.id)).toContain(p.id);
    expect((await api(`/api/policies/${p.id}`, { token: viewer })).status).toBe(200);
    expect((await del(`/api/policies/${p.id}`)).status).toBe(204);
    expectError(await get(`/api/policies/${p.id}`), 404, "not_found");
  });

  it("refuses a bad cron, an unknown repository and a bad glob with 400 on the field", async () => {
    const cron = expectError(await post("/api/policies", basePolicy({ cron: "61 * * * *" })), 400, "invalid_input");
    expect(JSON.stringify(cron.issues)).toContain('"cron"');
    const repo = expectError(await post("/api/policies", basePolicy({ target: { kind: "repository", repository: "no-such-repo" } })), 400, "invalid_input");
    expect(JSON.stringify(repo.issues)).toContain("target.repository");
    const glob = expectError(await post("/api/policies", basePolicy({ selector: { engines: ["*"], namePattern: "db-[0-9" } })), 400, "invalid_input");
    expect(JSON.stringify(glob.issues)).toContain("selector.namePattern");
    expectError(await post("/api/policies", basePolicy({ consistency: "hooks" })), 400, "invalid_input");
  });

  it("refuses a viewer's writes (403) and anonymous requests (401)", async () => {
    expectError(await api("/api/policies", { method: "POST", json: basePolicy(), token: viewer }), 403, "forbidden");
    expectError(await api("/api/policies", { token: null }), 401, "unauthorized");
    expectError(await api("/api/coverage", { token: null }), 401, "unauthorized");
    expectError(await api("/api/policies/pol-x/run", { method: "POST", token: null }), 401, "unauthorized");
  });
});

describe("policy runs and coverage", () => {
  it("backs up exactly the selected volumes, picks up a volume created later, and reports coverage", async () => {
    const group = { [GROUP]: scenario.prefix };
    const a = await newVolume("a", group);
    const b = await newVolume("b", group);
    const optedOut = await newVolume("opt", { ...group, "voldeck.backup": "false" });
    const skipped = await newVolume("skip", group);
    const outside = await newVolume("outside");
    const p = await createPolicy(basePolicy({ selector: { engines: ["local"], labels: group, exclude: { names: [skipped] } }, retention: { keepLast: 1 } }));
    expect(p.matches).toBe(2);

    const first = await runNow(p.id);
    expect(first.run.volumes.map((v) => v.volume).sort()).toEqual([a, b].sort());
    expect(first.run.volumes.every((v) => v.state === "succeeded" && v.artifact)).toBe(true);
    expect(first.run.state).toBe("succeeded");
    const backedUp = new Set((await listBackups()).filter((x) => x.volume.startsWith(scenario.prefix)).map((x) => x.volume));
    expect([...backedUp].sort()).toEqual([a, b].sort());

    const later = await newVolume("later", group);
    const second = await runNow(p.id);
    expect(second.run.volumes.map((v) => v.volume).sort()).toEqual([a, b, later].sort());
    // keepLast 1: the policy's older backups of a and b were removed after the new verified ones.
    const perVolume = (await listBackups()).filter((x) => x.volume === a);
    expect(perVolume).toHaveLength(1);

    const cov = (await get<CoverageAnswer>("/api/coverage")).body;
    const state = (name: string): CoverageVolume | undefined => cov.volumes.find((v) => v.engine === "local" && v.volume === name);
    expect(state(a)).toMatchObject({ state: "protected", policy: p.id });
    expect(state(a)?.lastSuccessAt).toBeTruthy();
    expect(state(a)?.nextRunAt).toBe(p.nextRuns[0]);
    expect(state(outside)?.state).toBe("unprotected");
    expect(state(optedOut)?.state).toBe("excluded");
    expect(state(skipped)).toMatchObject({ state: "excluded", excludedBy: p.id });
    expect(Object.values(cov.counts).reduce((x, y) => x + y, 0)).toBe(cov.volumes.length);
  });

  it("runs zero jobs for a selector that matches nothing, and says so", async () => {
    // Engines that answer: a run over "*" would also cover the test run's "spare" engine, which is down, and end
    // failed for it (policy-engine-wait.test.ts).
    const p = await createPolicy(basePolicy({ selector: { engines: ["local", "peer"], namePattern: `${scenario.prefix}-none-*` } }));
    const answer = await post<{ jobs: Job[]; selected: unknown[] }>(`/api/policies/${p.id}/run`);
    expect(answer.status, answer.text).toBe(202);
    expect(answer.body.jobs).toEqual([]);
    expect(answer.body.selected).toEqual([]);
    const d = await until(
      "the empty run to finish",
      async () => (await get<PolicyDetail>(`/api/policies/${p.id}`)).body,
      (x) => x.lastRun?.state === "succeeded",
    );
    expect(d.matches).toBe(0);
    expect(d.lastRun?.volumes).toEqual([]);
  });
});
