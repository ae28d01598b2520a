import { describe, expect, it } from "vitest";
import { ApiError } from "./error";
import { inUseHolders } from "./in-use";

describe("inUseHolders", () => {
  it("lists the containers an in_use refusal names", () => {
    const holders = [{ name: "web", state: "running" }];
    expect(inUseHolders(new ApiError("in_use", "busy", { containers: holders }))).toEqual(holders);
  });

  it("gives an empty list for an in_use refusal that names no container", () => {
    expect(inUseHolders(new ApiError("in_use", "a job holds it"))).toEqual([]);
  });

  it("gives null for other errors and for no error", () => {
    expect(inUseHolders(new ApiError("conflict", "busy", { containers: [{ name: "web", state: "running" }] }))).toBeNull();
    expect(inUseHolders(new Error("network"))).toBeNull();
    expect(inUseHolders(null)).toBeNull();
  });
});
