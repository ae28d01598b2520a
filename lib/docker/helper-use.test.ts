import { describe, expect, it } from "vitest";
import { isConsoleOwnUse } from "./helper-use";

const job = {
  engine: "local",
  volume: "shop_db",
  targetEngine: "local",
  targetVolume: "shop_db_copy",
  createdAt: "2026-12-01T10:00:00.000Z",
  finishedAt: "2026-12-01T10:01:00.000Z",
  stoppedContainers: ["shop-db-1"],
};
const now = Date.parse("2026-12-02T00:00:00.000Z");

describe("isConsoleOwnUse", () => {
  it("recognises a use during a job on the source or the target volume", () => {
    expect(isConsoleOwnUse("local", { volume: "shop_db", at: "2026-12-01T10:00:30.000Z", by: "blissful_northcutt" }, [job], now)).toBe(true);
    expect(isConsoleOwnUse("local", { volume: "shop_db_copy", at: "2026-12-01T10:01:00.500Z", by: "eager_hopper" }, [job], now)).toBe(true);
  });

  it("keeps a use outside every job's time, on another volume or engine", () => {
    expect(isConsoleOwnUse("local", { volume: "shop_db", at: "2026-12-01T09:00:00.000Z", by: "web" }, [job], now)).toBe(false);
    expect(isConsoleOwnUse("local", { volume: "other", at: "2026-12-01T10:00:30.000Z", by: "web" }, [job], now)).toBe(false);
    expect(isConsoleOwnUse("remote", { volume: "shop_db", at: "2026-12-01T10:00:30.000Z", by: "web" }, [job], now)).toBe(false);
  });

  it("keeps a use a few seconds after the job finished", () => {
    expect(isConsoleOwnUse("local", { volume: "shop_db_copy", at: "2026-12-01T10:01:03.000Z", by: "web" }, [job], now)).toBe(false);
  });

  it("keeps the use by a container the job stopped and started again", () => {
    expect(isConsoleOwnUse("local", { volume: "shop_db", at: "2026-12-01T10:00:59.000Z", by: "shop-db-1" }, [job], now)).toBe(false);
  });

  it("counts a job still running up to now", () => {
    const running = { ...job, finishedAt: null };
    expect(isConsoleOwnUse("local", { volume: "shop_db", at: "2026-12-01T23:59:00.000Z", by: "x" }, [running], now)).toBe(true);
  });
});
