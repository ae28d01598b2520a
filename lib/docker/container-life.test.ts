import { describe, expect, it } from "vitest";
import { lifeKey, parseTmpfsOptions, tmpfsOptionsOf, toLife } from "./container-life";

describe("toLife", () => {
  it("reads start, stop, exit code, health and restarts, in UTC", () => {
    const life = toLife({
      State: {
        Status: "running",
        StartedAt: "2026-01-02T03:04:05.123456789+01:00",
        FinishedAt: "2026-01-01T00:00:00Z",
        ExitCode: 137,
        Health: { Status: "healthy" },
      },
      RestartCount: 2,
    });
    expect(life).toEqual({ startedAt: "2026-01-02T02:04:05.123Z", finishedAt: "2026-01-01T00:00:00.000Z", exitCode: 137, health: "healthy", restartCount: 2 });
  });
  it("takes the engine's zero time for never", () => {
    const life = toLife({ State: { Status: "created", StartedAt: "0001-01-01T00:00:00Z", FinishedAt: "0001-01-01T00:00:00Z", ExitCode: 0 } });
    expect(life).toMatchObject({ startedAt: null, finishedAt: null, health: null, restartCount: 0 });
  });
  it("ignores a health status it does not know", () => {
    expect(toLife({ State: { Health: { Status: "none" } } }).health).toBeNull();
  });
});

describe("parseTmpfsOptions", () => {
  it("reads size with its unit and mode as four octal digits", () => {
    expect(parseTmpfsOptions("rw,size=64m,mode=1777")).toEqual({ sizeBytes: 64 * 1024 ** 2, mode: "1777" });
    expect(parseTmpfsOptions("size=2g")).toEqual({ sizeBytes: 2 * 1024 ** 3, mode: null });
    expect(parseTmpfsOptions("size=4096,mode=755")).toEqual({ sizeBytes: 4096, mode: "0755" });
  });
  it("leaves a size in percent of memory and a bad mode unknown", () => {
    expect(parseTmpfsOptions("size=50%,mode=9")).toEqual({ sizeBytes: null, mode: null });
    expect(parseTmpfsOptions("")).toEqual({ sizeBytes: null, mode: null });
  });
});

describe("tmpfsOptionsOf", () => {
  it("covers --tmpfs and --mount type=tmpfs (mode kept as a number by the engine)", () => {
    const out = tmpfsOptionsOf({
      HostConfig: {
        Tmpfs: { "/run": "size=1m" },
        Mounts: [
          { Type: "tmpfs", Target: "/cache", TmpfsOptions: { SizeBytes: 8192, Mode: 0o1770 } },
          { Type: "volume", Target: "/data" },
          { Type: "tmpfs", Target: "/plain", TmpfsOptions: null },
        ],
      },
    });
    expect(out).toEqual({
      "/run": { sizeBytes: 1024 ** 2, mode: null },
      "/cache": { sizeBytes: 8192, mode: "1770" },
      "/plain": { sizeBytes: null, mode: null },
    });
  });
});

describe("lifeKey", () => {
  it("changes with the state and with the health the status text names, not with the passing time", () => {
    expect(lifeKey("running", "Up 3 seconds (healthy)")).toBe(lifeKey("running", "Up 2 hours (healthy)"));
    expect(lifeKey("running", "Up 3 seconds (healthy)")).not.toBe(lifeKey("running", "Up 3 seconds (unhealthy)"));
    expect(lifeKey("running", "Up 3 seconds (health: starting)")).not.toBe(lifeKey("running", "Up 3 seconds"));
    expect(lifeKey("running", "Up 1 second")).not.toBe(lifeKey("exited", "Exited (0) 1 second ago"));
  });
});
