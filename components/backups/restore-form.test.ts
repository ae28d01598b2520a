import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import type { Backup } from "@/lib/api/types";
import { CHOOSE_A_VOLUME, initialRestoreForm, nameTaken, restoreFieldOf, restoreForm, toRestoreBody } from "./restore-form";

const base = initialRestoreForm({ volume: "db", engine: "peer" } as Backup);
const messages = (v: unknown) => Object.fromEntries((restoreForm.safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("restoreForm", () => {
  it("starts with a new volume named after the backup, on its engine", () => {
    expect(base).toMatchObject({ engine: "peer", mode: "new", newName: "db-restored" });
    expect(messages(base)).toEqual({});
  });
  it("checks only the field of the chosen mode", () => {
    expect(Object.keys(messages({ ...base, newName: "x" }))).toEqual(["newName"]);
    expect(messages({ ...base, mode: "replace", newName: "x" })).toEqual({ replaceName: CHOOSE_A_VOLUME });
    expect(messages({ ...base, mode: "replace", newName: "x", replaceName: "db" })).toEqual({});
  });
  it("builds the body: containers stopped only when replacing, compose labels only for a new volume", () => {
    expect(toRestoreBody({ ...base, newName: " db2 ", stop: true, keepComposeLabels: true })).toEqual({
      engine: "peer",
      volume: "db2",
      mode: "new",
      stopContainers: false,
      allowDevices: false,
      keepComposeLabels: true,
    });
    expect(toRestoreBody({ ...base, mode: "replace", replaceName: "db", stop: true, keepComposeLabels: true })).toEqual({
      engine: "peer",
      volume: "db",
      mode: "replace",
      stopContainers: true,
      allowDevices: false,
    });
  });
  it("puts the server's refusals on the field concerned", () => {
    expect(restoreFieldOf("volume", "new")).toBe("newName");
    expect(restoreFieldOf("volume", "replace")).toBe("replaceName");
    expect(restoreFieldOf("ignoreSpace", "new")).toBeUndefined();
    expect(nameTaken(new ApiError("conflict", 'A volume named "db" already exists on engine "local".'), "new")).toBe(true);
    expect(nameTaken(new ApiError("conflict", "Job x is working on it."), "new")).toBe(false);
    expect(nameTaken(new ApiError("conflict", 'A volume named "db" already exists.'), "replace")).toBe(false);
  });
});
