import { describe, expect, it } from "vitest";
import { judge, selectVolumes, type CandidateVolume } from "./select";
import type { Selector } from "@/lib/api/policy-types";

const vol = (engine: string, name: string, labels: Record<string, string> = {}): CandidateVolume => ({ engine, name, labels });
const all: Selector = { engines: ["*"] };
const names = (s: Selector, vs: CandidateVolume[]) => selectVolumes(s, vs).map((v) => `${v.engine}/${v.name}`);

const volumes = [
  vol("a", "pg-data", { tier: "db", "com.docker.compose.project": "shop" }),
  vol("a", "pg-logs", { tier: "logs", "com.docker.compose.project": "shop" }),
  vol("b", "pg-data", { tier: "db" }),
  vol("b", "cache", { "voldeck.backup": "false", tier: "db" }),
  vol("b", "scratch", { "voldeck.backup": "FALSE" }),
];

describe("policy selection", () => {
  it("picks every volume of every engine with engines [*], except those labelled voldeck.backup=false", () => {
    expect(names(all, volumes)).toEqual(["a/pg-data", "a/pg-logs", "b/pg-data"]);
  });

  it("never picks an opted-out volume, even when every other rule names it", () => {
    const s: Selector = { engines: ["b"], labels: { tier: "db" }, namePattern: "cache" };
    expect(names(s, volumes)).toEqual([]);
    expect(judge(s, volumes[3]!)).toBe("excluded");
  });

  it("limits to the named engines", () => {
    expect(names({ engines: ["b"] }, volumes)).toEqual(["b/pg-data"]);
  });

  it("needs every label of the selector", () => {
    expect(names({ engines: ["*"], labels: { tier: "db" } }, volumes)).toEqual(["a/pg-data", "b/pg-data"]);
    expect(names({ engines: ["*"], labels: { tier: "db", other: "x" } }, volumes)).toEqual([]);
  });

  it("reads the compose project label", () => {
    expect(names({ engines: ["*"], composeProject: "shop" }, volumes)).toEqual(["a/pg-data", "a/pg-logs"]);
  });

  it("matches the name pattern against the whole name", () => {
    expect(names({ engines: ["*"], namePattern: "pg-*" }, volumes)).toEqual(["a/pg-data", "a/pg-logs", "b/pg-data"]);
    expect(names({ engines: ["*"], namePattern: "*-data" }, volumes)).toEqual(["a/pg-data", "b/pg-data"]);
  });

  it("applies exclusions by label and by name (exact or pattern), and says so", () => {
    const s: Selector = { engines: ["*"], exclude: { labels: { tier: "logs" }, names: ["pg-data"] } };
    expect(names(s, volumes)).toEqual([]);
    expect(judge(s, volumes[1]!)).toBe("excluded");
    expect(judge({ engines: ["a"], exclude: { names: ["pg-*"] } }, volumes[0]!)).toBe("excluded");
    expect(judge({ engines: ["a"] }, volumes[2]!)).toBe("not-matched");
  });

  it("selects nothing, without complaint, when nothing matches", () => {
    expect(names({ engines: ["*"], namePattern: "nothing-*" }, volumes)).toEqual([]);
  });

  it("picks a volume created later the next time it is asked", () => {
    const s: Selector = { engines: ["a"], labels: { tier: "db" } };
    expect(names(s, volumes)).toEqual(["a/pg-data"]);
    expect(names(s, [...volumes, vol("a", "pg-new", { tier: "db" })])).toEqual(["a/pg-data", "a/pg-new"]);
  });
});
