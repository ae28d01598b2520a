import { describe, expect, it } from "vitest";
import { DEFAULT_CONTAINERS_STATE, readContainersState, writeContainersState } from "./url-state";

describe("containers page URL state", () => {
  it("round-trips the search and the state filter, keeping other parameters", () => {
    const state = { search: "web db", state: "not-running" as const };
    const params = writeContainersState(new URLSearchParams("x=1"), state);
    expect(params.toString()).toBe("x=1&q=web+db&state=not-running");
    expect(readContainersState(params)).toEqual(state);
  });

  it("writes nothing for the defaults and reads the defaults from an empty URL", () => {
    expect(readContainersState(new URLSearchParams())).toEqual({ search: "", state: "all" });
    expect(writeContainersState(new URLSearchParams("q=old&state=running"), DEFAULT_CONTAINERS_STATE).toString()).toBe("");
  });

  it("falls back to all states for an unknown state", () => {
    expect(readContainersState(new URLSearchParams("q=a&state=paused"))).toEqual({ search: "a", state: "all" });
    expect(readContainersState(new URLSearchParams("state=")).state).toBe("all");
  });
});
