// A paused engine (dockerd stopped with SIGSTOP: it still takes connections, then says nothing). Lists keep
// being served from the live index; every call a person waits on (create, inspect, remove a volume) answers
// 503 engine_unreachable within its deadline, saying the engine did not answer and may be paused; once the
// engine runs again, the same calls work. The engine is always continued (SIGCONT), even when a check fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { del, expectError, get, post, volumesPath } from "../helpers/api";
import { spareDir, startEngine, type TestEngine } from "../helpers/engine";
import { uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const prefix = uniquePrefix("paused");
let spare: (TestEngine & { pid: number }) | undefined;
const kept = `${prefix}-kept`;

// The console's deadline is 10 s (lib/docker/deadline.ts); this bound only catches "no answer at all"
// (the hang), far from the deadline so that a busy machine does not make it flaky.
const ANSWERS_WITHIN_MS = 45_000;
const NOT_ANSWERING = /The Docker engine "spare" did not answer within 10 s; it may be paused or overloaded\./;

beforeAll(async () => {
  spare = (await startEngine({ name: "spare", dir: spareDir(), withImage: false })) as TestEngine & { pid: number };
  await until(
    "the console to reach the spare engine",
    () => post(volumesPath("spare"), { name: kept }),
    (a) => a.status === 201,
    { timeoutMs: 30_000 },
  );
  // Followed, so that lists come from the live index (as in the field: the engine was in use before it
  // paused), and the index has read the new volume already (a read still due would meet the pause).
  await until(
    "the spare engine's list to come from the live index, with the new volume",
    () => get<{ volumes: { name: string }[] }>(volumesPath("spare")),
    (a) => a.status === 200 && a.headers.get("x-voldeck-source") === "index" && a.body.volumes.some((v) => v.name === kept),
    { timeoutMs: 30_000 },
  );
}, 60_000);

afterAll(async () => {
  if (spare) process.kill(spare.pid, "SIGCONT");
  await spare?.stop();
  spare = undefined;
}, 60_000);

async function timed<T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = Date.now();
  const answer = await call();
  return { answer, ms: Date.now() - started };
}

describe("an engine paused with SIGSTOP", () => {
  const created = `${prefix}-new`;

  it("answers 503 within the deadline for what a person waits on, keeps serving lists, and recovers on SIGCONT", async () => {
    process.kill(spare!.pid, "SIGSTOP");
    try {
      const create = await timed(() => post(volumesPath("spare"), { name: created }));
      const error = expectError(create.answer, 503, "engine_unreachable");
      expect(error.message).toMatch(NOT_ANSWERING);
      expect(error).toMatchObject({ engine: "spare", engineState: "not_answering", timeoutSeconds: 10 });
      expect(create.ms).toBeLessThan(ANSWERS_WITHIN_MS);

      const inspect = await timed(() => get(`${volumesPath("spare")}/${kept}`));
      expect(expectError(inspect.answer, 503, "engine_unreachable").message).toMatch(NOT_ANSWERING);
      expect(inspect.ms).toBeLessThan(ANSWERS_WITHIN_MS);

      const remove = await timed(() => del(`${volumesPath("spare")}/${kept}`));
      expect(expectError(remove.answer, 503, "engine_unreachable").message).toMatch(NOT_ANSWERING);
      expect(remove.ms).toBeLessThan(ANSWERS_WITHIN_MS);

      // The list is the live index's: the paused engine is not asked.
      const list = await get<{ volumes: { name: string }[] }>(volumesPath("spare"));
      expect(list.status, list.text).toBe(200);
      expect(list.body.volumes.map((v) => v.name)).toContain(kept);
    } finally {
      process.kill(spare!.pid, "SIGCONT");
    }

    const again = await until(
      "a create to work again after SIGCONT",
      () => post(volumesPath("spare"), { name: created }),
      (a) => a.status !== 503,
      { timeoutMs: 30_000 },
    );
    expect(again.status, again.text).toBe(201);
    // The removal during the pause may or may not have reached the engine (its outcome is unknown): the
    // volume's state now is whatever the engine says, and removing it works either way.
    const removed = await del(`${volumesPath("spare")}/${kept}`);
    expect([204, 404], removed.text).toContain(removed.status);
    expect((await del(`${volumesPath("spare")}/${created}`)).status).toBe(204);
  }, 120_000);
});
