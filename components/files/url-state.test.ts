import { describe, expect, it } from "vitest";
import { readFilesState, writeFilesState } from "./url-state";

const read = (query: string) => readFilesState(new URLSearchParams(query));

describe("the file browser's URL state", () => {
  it("reads the defaults from a plain URL and falls back from unknown values", () => {
    expect(read("path=/etc")).toEqual({ filter: "", sort: "name", order: "asc" });
    expect(read("sort=colour&order=up")).toEqual({ filter: "", sort: "name", order: "asc" });
    expect(read("sort=size")).toEqual({ filter: "", sort: "size", order: "desc" });
    expect(read("q=log&sort=mtime&order=asc")).toEqual({ filter: "log", sort: "mtime", order: "asc" });
  });

  it("writes only what differs from the defaults and keeps the path", () => {
    const params = new URLSearchParams("path=/var/log");
    expect(writeFilesState(params, { filter: "", sort: "name", order: "asc" }).toString()).toBe("path=%2Fvar%2Flog");
    expect(writeFilesState(params, { filter: "a b", sort: "size", order: "desc" }).toString()).toBe("path=%2Fvar%2Flog&q=a+b&sort=size");
    expect(writeFilesState(params, { filter: "", sort: "name", order: "desc" }).toString()).toBe("path=%2Fvar%2Flog&order=desc");
  });

  it("reads back what it wrote", () => {
    const state = { filter: "x", sort: "mtime", order: "asc" } as const;
    expect(readFilesState(writeFilesState(new URLSearchParams(), state))).toEqual(state);
  });
});
