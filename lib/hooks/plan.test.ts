import { describe, expect, it } from "vitest";
import { HookPlanError, planHooks, type HookContainer } from "./plan";

const c = (name: string, p: Partial<HookContainer> = {}): HookContainer => ({
  id: `${name}-id`.padEnd(64, "0"),
  name,
  state: "running",
  labels: {},
  volumes: ["data"],
  ...p,
});

describe("planHooks", () => {
  it("plans nothing without a spec or labels", () => {
    expect(planHooks(undefined, "data", [c("app")])).toEqual({ pre: [], post: [] });
  });

  it("runs the request's hooks in the one running container that mounts the volume", () => {
    const plan = planHooks({ pre: [["a"], ["b"]], post: [["c"], ["d"]] }, "data", [
      c("app"),
      c("stopped", { state: "exited" }),
      c("other", { volumes: ["x"] }),
    ]);
    expect(plan.pre.map((h) => [h.container, h.argv[0]])).toEqual([
      ["app", "a"],
      ["app", "b"],
    ]);
    expect(plan.post.map((h) => h.argv[0])).toEqual(["c", "d"]);
  });

  it("asks which container when several or none run with the volume", () => {
    expect(() => planHooks({ pre: [["a"]] }, "data", [c("one"), c("two")])).toThrow(/Several running containers.*one, two/);
    expect(() => planHooks({ pre: [["a"]] }, "data", [c("one", { state: "exited" })])).toThrow(HookPlanError);
  });

  it("says so when the named container is gone or not running", () => {
    expect(() => planHooks({ container: "gone", pre: [["a"]] }, "data", [c("app")])).toThrow(/"gone" does not exist/);
    expect(() => planHooks({ container: "app", pre: [["a"]] }, "data", [c("app", { state: "exited" })])).toThrow(/exited, not running/);
    expect(planHooks({ container: "/elsewhere", pre: [["a"]] }, "data", [c("app"), c("elsewhere", { volumes: [] })]).pre[0].container).toBe("elsewhere");
  });

  it("reads offen's labels and ours (ours win on one container) as shell commands; the request's post runs first", () => {
    const offen = c("a-offen", { labels: { "docker-volume-backup.archive-pre": "pg_dump x", "docker-volume-backup.archive-post": "rm x" } });
    const both = c("b-both", { labels: { "docker-volume-backup.archive-pre": "old", "voldeck.hooks.pre": "new", "voldeck.hooks.post": "undo" } });
    const plan = planHooks({ container: "a-offen", pre: [["req-pre"]], post: [["req-post"]] }, "data", [both, offen]);
    expect(plan.pre.map((h) => [h.source, h.container, h.argv.join(" ")])).toEqual([
      ["label", "a-offen", "/bin/sh -c pg_dump x"],
      ["label", "b-both", "/bin/sh -c new"],
      ["request", "a-offen", "req-pre"],
    ]);
    expect(plan.post.map((h) => h.argv.at(-1))).toEqual(["req-post", "undo", "rm x"]);
  });

  it("ignores labels when asked to, and labels of containers that do not run with the volume", () => {
    const labelled = { "voldeck.hooks.pre": "x" };
    expect(planHooks({ labels: false }, "data", [c("a", { labels: labelled })]).pre).toEqual([]);
    expect(planHooks(undefined, "data", [c("a", { labels: labelled, state: "exited" }), c("b", { labels: labelled, volumes: [] })]).pre).toEqual([]);
  });
});
