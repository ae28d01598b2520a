import { describe, expect, it } from "vitest";
import { globMatches, globProblem, globToRegExp } from "./glob";

describe("glob patterns for volume names", () => {
  it("matches * as any run of characters, anchored at both ends", () => {
    expect(globMatches("pg-*", "pg-data")).toBe(true);
    expect(globMatches("pg-*", "pg-")).toBe(true);
    expect(globMatches("pg-*", "app-pg-data")).toBe(false);
    expect(globMatches("*-data", "pg-data")).toBe(true);
    expect(globMatches("*-data", "pg-data-old")).toBe(false);
  });

  it("matches ? as exactly one character", () => {
    expect(globMatches("db?", "db1")).toBe(true);
    expect(globMatches("db?", "db")).toBe(false);
    expect(globMatches("db?", "db12")).toBe(false);
  });

  it("reads classes and negated classes", () => {
    expect(globMatches("db-[0-9]", "db-7")).toBe(true);
    expect(globMatches("db-[0-9]", "db-x")).toBe(false);
    expect(globMatches("db-[!0-9]", "db-x")).toBe(true);
    expect(globMatches("db-[!0-9]", "db-7")).toBe(false);
  });

  it("takes regular-expression characters literally", () => {
    expect(globMatches("a.b", "a.b")).toBe(true);
    expect(globMatches("a.b", "axb")).toBe(false);
    expect(globMatches("a+(b)", "a+(b)")).toBe(true);
    expect(globToRegExp("x$").test("x$")).toBe(true);
  });

  it("names an unclosed class as a problem", () => {
    expect(globProblem("db-[0-9")).toMatch(/never closes/);
    expect(globProblem("db-*")).toBeNull();
  });
});
