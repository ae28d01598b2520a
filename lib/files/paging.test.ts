import { describe, expect, it } from "vitest";
import { decodeCursor, matchesFilter, pageOf, sortEntries } from "./paging";

const entries = [
  { name: "b", size: 10, mtime: "2024-01-02T00:00:00.000Z" },
  { name: "a", size: 30, mtime: "2024-01-03T00:00:00.000Z" },
  { name: "c", size: 10, mtime: "2024-01-01T00:00:00.000Z" },
  { name: "Äpfel", size: 5, mtime: "2024-01-01T00:00:00.000Z" },
];

describe("sortEntries", () => {
  it("sorts names naturally: file2 before file10, digits as numbers, case and accents beside their letter", () => {
    const names = ["file10", "file2", "File1", "file1", "a01", "a1", "b", "file100", "Z"].map((name) => ({ name }));
    expect(sortEntries(names, "name", "asc").map((e) => e.name)).toEqual(["a01", "a1", "b", "file1", "File1", "file2", "file10", "file100", "Z"]);
    expect(sortEntries(names, "name", "desc").map((e) => e.name)[0]).toBe("Z");
  });
  it("pages a naturally sorted directory with every entry once", () => {
    const names = Array.from({ length: 120 }, (_, i) => ({ name: `file${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ReturnType<typeof pageOf> = pageOf(names, { sort: "name", order: "asc", filter: "", cursor, limit: 7 });
      seen.push(...page.entries.map((e) => e.name));
      cursor = page.nextCursor ?? null;
    } while (cursor);
    expect(seen).toEqual(names.map((e) => e.name));
  });
  it("sorts by name, size or time, ties broken by name, either way", () => {
    expect(sortEntries(entries, "name", "asc").map((e) => e.name)).toEqual(["a", "Äpfel", "b", "c"]);
    expect(sortEntries(entries, "size", "asc").map((e) => e.name)).toEqual(["Äpfel", "b", "c", "a"]);
    expect(sortEntries(entries, "size", "desc").map((e) => e.name)).toEqual(["a", "c", "b", "Äpfel"]);
    expect(sortEntries(entries, "mtime", "asc").map((e) => e.name)).toEqual(["Äpfel", "c", "b", "a"]);
  });
});

describe("matchesFilter", () => {
  it("matches a substring, ignoring case", () => {
    expect(matchesFilter("Report.TXT", "report")).toBe(true);
    expect(matchesFilter("äpfel", "Ä")).toBe(true);
    expect(matchesFilter("x", "y")).toBe(false);
    expect(matchesFilter("x", "")).toBe(true);
  });
});

describe("pageOf", () => {
  const many = Array.from({ length: 1234 }, (_, i) => ({ name: `f${String(i).padStart(4, "0")}`, size: i % 7 }));

  for (const sort of ["name", "size"] as const) {
    it(`hands out every entry exactly once, page by page (by ${sort})`, () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: ReturnType<typeof pageOf> = pageOf(many, { sort, order: "desc", filter: "", cursor, limit: 500 });
        expect(page.total).toBe(1234);
        seen.push(...page.entries.map((e) => e.name));
        cursor = page.nextCursor ?? null;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(1234);
      expect(new Set(seen).size).toBe(1234);
    });
  }

  it("keeps its place when entries before it disappear or appear", () => {
    const first = pageOf(many, { sort: "name", order: "asc", filter: "", cursor: null, limit: 10 });
    const changed = [{ name: "a-new" }, ...many.slice(3)];
    const next = pageOf(changed, { sort: "name", order: "asc", filter: "", cursor: first.nextCursor!, limit: 2 });
    expect(next.entries.map((e) => e.name)).toEqual(["f0010", "f0011"]);
  });

  it("filters before paging and counts what matches", () => {
    const page = pageOf(many, { sort: "name", order: "asc", filter: "f00", cursor: null, limit: 50 });
    expect(page.total).toBe(100);
    expect(page.nextCursor).toBeDefined();
    expect(pageOf(many, { sort: "name", order: "asc", filter: "f000", cursor: null, limit: 50 }).nextCursor).toBeUndefined();
  });

  it("refuses a cursor that is garbage or made for another sort or filter", () => {
    const { nextCursor } = pageOf(many, { sort: "name", order: "asc", filter: "", cursor: null, limit: 10 });
    expect(() => decodeCursor("%%%", { sort: "name", order: "asc", filter: "" })).toThrow(/cursor/);
    expect(() => decodeCursor(nextCursor!, { sort: "size", order: "asc", filter: "" })).toThrow(/cursor/);
    expect(() => decodeCursor(nextCursor!, { sort: "name", order: "asc", filter: "x" })).toThrow(/cursor/);
    expect(decodeCursor(nextCursor!, { sort: "name", order: "asc", filter: "" }).n).toBe("f0009");
  });
});
