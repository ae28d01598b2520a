import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/api/admin-queries";
import { filterAudit, summarizeDetail } from "./audit-filter";

const entry = (id: number, action: string, actor: string | null, target: string | null): AuditEntry => ({
  id,
  at: "2026-01-01T00:00:00.000Z",
  action,
  actor,
  target,
  engine: "local",
  ip: "127.0.0.1",
  ok: true,
  status: 200,
  detail: null,
});
const entries = [entry(3, "volume.prune", "admin", null), entry(2, "volume.create", "token:ci", "pgdata"), entry(1, "auth.login", null, "Alice")];

describe("filterAudit", () => {
  it("keeps everything for an empty or blank filter", () => {
    expect(filterAudit(entries, "")).toEqual(entries);
    expect(filterAudit(entries, "   ")).toEqual(entries);
  });
  it("matches action, actor and target, in any case", () => {
    expect(filterAudit(entries, "PRUNE").map((e) => e.id)).toEqual([3]);
    expect(filterAudit(entries, "token:ci").map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, "alice").map((e) => e.id)).toEqual([1]);
    expect(filterAudit(entries, "volume").map((e) => e.id)).toEqual([3, 2]);
  });
  it("needs every word, each in any of the fields", () => {
    expect(filterAudit(entries, "volume pgdata").map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, "volume alice")).toEqual([]);
  });
  it("does not match other fields (engine, ip)", () => {
    expect(filterAudit(entries, "127.0.0.1")).toEqual([]);
  });
});

describe("summarizeDetail", () => {
  it("is empty without details", () => {
    expect(summarizeDetail(null)).toBe("");
  });
  it("names what a prune removed, the first three and a count", () => {
    expect(summarizeDetail({ removed: ["a", "b"], skipped: [], reclaimedBytes: 0 })).toBe("removed 2: a, b");
    expect(summarizeDetail({ removed: ["a", "b", "c", "d", "e"] })).toBe("removed 5: a, b, c and 2 more");
    expect(summarizeDetail({ removed: [] })).toBe("removed none");
  });
  it("shows the first pairs otherwise, with arrays and objects abbreviated", () => {
    expect(summarizeDetail({ role: "viewer", changed: ["role"], x: { y: 1 }, z: 1 })).toBe("role: viewer, changed: [1], x: {…}");
  });
});

describe("filterAudit, by the words the page shows", () => {
  const byToken = [entry(5, "backup.create", "token:VOLDECK_API_TOKEN", "shop_db"), entry(4, "backup.create", "bob", "shop_db")];
  it("finds a token's entries by its label as well as by its stored principal", () => {
    expect(filterAudit(byToken, "environment").map((e) => e.id)).toEqual([5]);
    expect(filterAudit(byToken, "api token").map((e) => e.id)).toEqual([5]);
    expect(filterAudit(byToken, "token:VOLDECK").map((e) => e.id)).toEqual([5]);
  });
  it("finds an action by its label", () => {
    expect(filterAudit(entries, "pruned").map((e) => e.id)).toEqual([3]);
    expect(filterAudit(byToken, "backup created bob").map((e) => e.id)).toEqual([4]);
  });
});
