import { describe, expect, it } from "vitest";
import { older, rcloneState, resticState } from "./tool-versions";

describe("restic and rclone at start", () => {
  it("compares versions by number, not by text", () => {
    expect(older("0.9.6", "0.14.0")).toBe(true);
    expect(older("0.14.0", "0.14.0")).toBe(false);
    expect(older("0.18.1", "0.14.0")).toBe(false);
    expect(older("1.0", "0.14.0")).toBe(false);
  });

  it("accepts this machine's restic and newer ones", () => {
    expect(resticState("restic 0.14.0 compiled with go1.19.8 on linux/amd64\n", false)).toEqual({ ok: true, version: "0.14.0" });
    expect(resticState("restic 0.18.0 compiled with go1.24 on linux/arm64\n", false)).toMatchObject({ ok: true });
  });

  it("says what is wrong: missing, too old, no answer", () => {
    expect(resticState("", true)).toMatchObject({ ok: false, problem: expect.stringMatching(/not installed.*apt-get install restic/) });
    expect(resticState("restic 0.11.0 compiled with go1.15\n", false)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/0\.11\.0 is too old.*0\.14\.0/),
    });
    expect(resticState("", false, "exit 2")).toMatchObject({ ok: false, problem: expect.stringMatching(/does not answer.*exit 2/) });
    expect(rcloneState("", true)).toMatchObject({ ok: false, problem: expect.stringMatching(/rclone is not installed/) });
    expect(rcloneState("rclone v1.60.1-DEV\n- os/version: debian\n", false)).toEqual({ ok: true, version: "1.60.1" });
  });
});
