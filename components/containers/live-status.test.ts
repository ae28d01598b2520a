import { describe, expect, it } from "vitest";
import { liveStatus, shortDuration } from "./live-status";

const T0 = Date.parse("2026-03-01T12:00:00.000Z");
const base = { status: "frozen engine text", createdAt: "2026-03-01T11:00:00.000Z", startedAt: null, finishedAt: null, exitCode: null, health: null };

describe("shortDuration", () => {
  it("steps from seconds to minutes, hours, days and months", () => {
    expect([0, 59_999, 60_000, 3_599_000, 3_600_000, 47 * 3_600_000, 48 * 3_600_000, 90 * 86_400_000].map(shortDuration)).toEqual([
      "0 s",
      "59 s",
      "1 min",
      "59 min",
      "1 h",
      "47 h",
      "2 days",
      "3 months",
    ]);
  });
});

describe("liveStatus", () => {
  it("counts a running container's uptime from startedAt, so the text moves with the clock", () => {
    const c = { ...base, state: "running", startedAt: "2026-03-01T11:59:48.000Z" };
    expect(liveStatus(c, T0).text).toBe("Up 12 s");
    expect(liveStatus(c, T0 + 10 * 60_000).text).toBe("Up 10 min");
    expect(liveStatus(c, T0).ageMs).toBe(12_000);
  });
  it("adds the health, and colours an unhealthy container as a fault", () => {
    const c = { ...base, state: "running", startedAt: "2026-03-01T11:00:00.000Z" };
    expect(liveStatus({ ...c, health: "healthy" }, T0)).toMatchObject({ text: "Up 1 h · healthy", tone: "ok" });
    expect(liveStatus({ ...c, health: "unhealthy" }, T0)).toMatchObject({ text: "Up 1 h · unhealthy", tone: "danger" });
    expect(liveStatus({ ...c, health: "starting" }, T0).tone).toBe("warn");
  });
  it("says how long ago an exited container stopped and with which code", () => {
    const c = { ...base, state: "exited", startedAt: "2026-03-01T10:00:00.000Z", finishedAt: "2026-03-01T11:57:00.000Z" };
    expect(liveStatus({ ...c, exitCode: 0 }, T0)).toMatchObject({ text: "Exited (0) 3 min ago", tone: "muted" });
    expect(liveStatus({ ...c, exitCode: 137 }, T0)).toMatchObject({ text: "Exited (137) 3 min ago", tone: "danger" });
  });
  it("names a container that was never started, counting from its creation", () => {
    expect(liveStatus({ ...base, state: "created" }, T0).text).toBe("Created 1 h ago · never started");
  });
  it("covers paused, restarting and dead", () => {
    expect(liveStatus({ ...base, state: "paused", startedAt: "2026-03-01T11:58:00.000Z" }, T0).text).toBe("Paused · up 2 min");
    expect(liveStatus({ ...base, state: "restarting", finishedAt: "2026-03-01T11:59:55.000Z", exitCode: 1 }, T0).text).toBe("Restarting · exited (1) 5 s ago");
    expect(liveStatus({ ...base, state: "dead" }, T0).tone).toBe("danger");
  });
  it("falls back to the engine's text only when the engine gave no start time", () => {
    expect(liveStatus({ ...base, state: "running" }, T0).text).toBe("frozen engine text");
  });
});
