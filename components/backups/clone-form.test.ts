import { describe, expect, it } from "vitest";
import { cloneFieldOf, cloneFormSchema, defaultCloneName, initialCloneForm, ONTO_ITSELF, toCloneBody } from "./clone-form";

const schema = cloneFormSchema("local", "db");
const base = initialCloneForm("local", "db");
const messages = (v: unknown) => Object.fromEntries((schema.safeParse(v).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("cloneFormSchema", () => {
  it("accepts the default, refuses a name Docker would refuse and the volume itself on its own engine", () => {
    expect(base.targetName).toBe("db-copy");
    expect(messages(base)).toEqual({});
    expect(messages({ ...base, targetName: "-x" }).targetName).toMatch(/letters, digits/);
    expect(messages({ ...base, targetName: " db " })).toEqual({ targetName: ONTO_ITSELF });
    expect(messages({ ...base, targetName: "db", targetEngine: "peer" })).toEqual({});
  });
  it("proposes the same name on another engine", () => {
    expect(defaultCloneName("db", "local", "peer")).toBe("db");
    expect(defaultCloneName("db", "local", "local")).toBe("db-copy");
  });
});

describe("toCloneBody", () => {
  it("a copy here: stop and compose labels as chosen (stop only when something runs)", () => {
    expect(toCloneBody({ ...base, stop: true, keepCompose: true }, "local", "db", false)).toEqual({
      source: "db",
      targetName: "db-copy",
      stopContainers: false,
      keepComposeLabels: true,
    });
  });
  it("a copy elsewhere may ask for the full check; a move never sends copy-only options", () => {
    expect(toCloneBody({ ...base, targetEngine: "peer", targetName: " db ", fullCheck: true }, "local", "db", true)).toEqual({
      source: "db",
      targetName: "db",
      targetEngine: "peer",
      verify: "full",
      stopContainers: false,
      keepComposeLabels: false,
    });
    expect(toCloneBody({ ...base, mode: "move", targetEngine: "peer", fullCheck: true, stop: true }, "local", "db", true)).toEqual({
      source: "db",
      targetName: "db-copy",
      targetEngine: "peer",
      move: true,
    });
  });
  it("maps the server's issue paths", () => {
    expect(["targetName", "targetEngine", "verify"].map(cloneFieldOf)).toEqual(["targetName", "targetEngine", undefined]);
  });
});
