import { describe, expect, it } from "vitest";
import { commandsOf, joinArgv, labelsOf, labelsText, namesOf, splitArgv } from "./argv-text";

describe("splitArgv / joinArgv", () => {
  it("splits on spaces and keeps quoted arguments whole", () => {
    expect(splitArgv(`sh -c "pg_dump -f /d/dump.sql app"`)).toEqual(["sh", "-c", "pg_dump -f /d/dump.sql app"]);
    expect(splitArgv(`echo 'it "works"' ""`)).toEqual(["echo", 'it "works"', ""]);
    expect(splitArgv("  redis-cli   save ")).toEqual(["redis-cli", "save"]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => splitArgv(`sh -c "echo`)).toThrow('A " quote is not closed.');
  });

  it("joins so that splitting gives the same argv back", () => {
    for (const argv of [["sh", "-c", "a b"], ["echo", 'say "hi"'], ["x", ""], ["plain"]]) expect(splitArgv(joinArgv(argv))).toEqual(argv);
  });

  it("reads one command per non-empty line", () => {
    expect(commandsOf("sync\n\n  sh -c 'a; b'\n")).toEqual([["sync"], ["sh", "-c", "a; b"]]);
  });
});

describe("labels and names", () => {
  it("reads key=value pairs by line or comma, and writes them back", () => {
    expect(labelsOf("tier=db\n a = b , empty=")).toEqual({ tier: "db", a: "b", empty: "" });
    expect(labelsText({ tier: "db", a: "b" })).toBe("tier=db\na=b");
  });

  it("refuses a pair without a key", () => {
    expect(() => labelsOf("tier")).toThrow('"tier" is not key=value.');
    expect(() => labelsOf("=x")).toThrow();
  });

  it("splits names on spaces, commas and lines", () => {
    expect(namesOf("a, b\nc  d")).toEqual(["a", "b", "c", "d"]);
  });
});
