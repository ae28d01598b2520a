import { describe, expect, it } from "vitest";
import { byNumber, byText, byTime, sortRows } from "./sort-rows";

type Row = { name: string; n: number; at: string | null };
const rows: Row[] = [
  { name: "eng-10", n: 2, at: "2026-03-01T00:00:00Z" },
  { name: "Eng-2", n: 1, at: null },
  { name: "alpha", n: 2, at: "2026-01-01T00:00:00Z" },
];
const names = (list: Row[]) => list.map((r) => r.name);

describe("sortRows", () => {
  const compare = {
    name: byText<Row>((r) => r.name),
    n: byNumber<Row>((r) => r.n),
    used: byTime<Row>((r) => r.at, "first"),
    ends: byTime<Row>((r) => r.at, "last"),
  };

  it("sorts names as people read them: numbers by value, case aside", () => {
    expect(names(sortRows(rows, { id: "name", desc: false }, compare))).toEqual(["alpha", "Eng-2", "eng-10"]);
    expect(names(sortRows(rows, { id: "name", desc: true }, compare))).toEqual(["eng-10", "Eng-2", "alpha"]);
  });

  it("keeps the order rows came in when they compare equal, in either direction", () => {
    expect(names(sortRows(rows, { id: "n", desc: false }, compare))).toEqual(["Eng-2", "eng-10", "alpha"]);
    expect(names(sortRows(rows, { id: "n", desc: true }, compare))).toEqual(["eng-10", "alpha", "Eng-2"]);
  });

  it("puts a missing instant first when it means 'not yet', last when it means 'not ever'", () => {
    expect(names(sortRows(rows, { id: "used", desc: false }, compare))).toEqual(["Eng-2", "alpha", "eng-10"]);
    expect(names(sortRows(rows, { id: "used", desc: true }, compare))).toEqual(["eng-10", "alpha", "Eng-2"]);
    expect(names(sortRows(rows, { id: "ends", desc: false }, compare))).toEqual(["alpha", "eng-10", "Eng-2"]);
  });

  it("leaves the rows as they came for a column it has no comparator for, and never changes its input", () => {
    const copy = [...rows];
    expect(sortRows(rows, { id: "nope", desc: true }, compare)).toEqual(rows);
    sortRows(rows, { id: "name", desc: false }, compare);
    expect(rows).toEqual(copy);
  });
});
