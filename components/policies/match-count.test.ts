import { describe, expect, it } from "vitest";
import { countMatches } from "./match-count";

const vol = (engine: string, name: string, labels: Record<string, string> = {}) => ({ engine, name, labels });

describe("countMatches", () => {
  const volumes = [
    vol("local", "db-1", { tier: "db" }),
    vol("local", "db-2", { tier: "db", "voldeck.backup": "false" }),
    vol("peer", "db-3", { tier: "db" }),
    vol("local", "cache", { tier: "db" }),
    vol("local", "web"),
  ];

  it("counts what the selector picks and what its exclusions keep out, with a few names", () => {
    const c = countMatches({ engines: ["*"], labels: { tier: "db" }, exclude: { names: ["cache"] } }, volumes);
    expect(c).toEqual({ selected: 2, excluded: 2, sample: ["db-1", "db-3"] });
  });

  it("keeps to the chosen engines and a name pattern, and says 0 for a selector that matches nothing", () => {
    expect(countMatches({ engines: ["local"], namePattern: "db-*" }, volumes).selected).toBe(1);
    expect(countMatches({ engines: ["local"], namePattern: "nothing-*" }, volumes)).toEqual({ selected: 0, excluded: 1, sample: [] });
  });

  it("names at most sampleSize volumes", () => {
    expect(countMatches({ engines: ["*"] }, volumes, 1)).toEqual({ selected: 4, excluded: 1, sample: ["db-1"] });
  });
});
