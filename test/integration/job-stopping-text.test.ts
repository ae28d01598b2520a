// While a job stops the containers that use its volume, its progress says which ones and how long the engine
// may wait (issue 11: the bar sat at 0 % for 10 s without a word). Busybox `sleep` ignores SIGTERM, so the
// stop takes the whole stop timeout: long enough to be seen by polling.
import { afterAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/api/types";
import { post, volumesPath } from "../helpers/api";
import { expectSucceeded, jobOf, waitJob } from "../helpers/backups";
import { runSleeper } from "../helpers/docker";
import { Scenario, uniquePrefix } from "../helpers/names";
import { until } from "../helpers/poll";

const s = new Scenario(uniquePrefix("stoptext"));
afterAll(() => s.cleanup());

describe("a job stopping containers", () => {
  it("names the container it waits for, then clears the text for the next phase", async () => {
    const volume = s.volume(s.name("vol"));
    const app = s.container(s.name("app"));
    await runSleeper(app, "-v", `${volume}:/data`);
    const started = await post<{ job: Job }>(`${volumesPath()}/${volume}/backups`, { stopContainers: true, stopTimeout: 4 });
    expect(started.status, started.text).toBe(202);
    const id = started.body.job.id;
    const stopping = await until(
      "the job to say which container it stops",
      () => jobOf(id),
      (j) => j.phase === "stopping" || j.state !== "running",
      { intervalMs: 100, timeoutMs: 20_000 },
    );
    expect(stopping.phase).toBe("stopping");
    expect(stopping.phaseDetail).toBe(`Stopping ${app} (the engine waits up to 4 s for it to exit)…`);
    const done = await expectSucceeded(await waitJob(id));
    expect(done.stoppedContainers).toEqual([app]);
    expect(done.phaseDetail).toBeNull();
  });
});
