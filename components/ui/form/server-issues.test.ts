import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import { placeIssues, serverIssues } from "./server-issues";

describe("serverIssues", () => {
  it("reads the issues of a 400 answer rebuilt by the fetcher", () => {
    const e = ApiError.fromBody(400, { error: { code: "invalid_input", message: "Bad.", issues: [{ path: "name", message: "Too short." }, { nope: 1 }] } });
    expect(serverIssues(e)).toEqual([{ path: "name", message: "Too short." }]);
  });
  it("answers none for other errors", () => {
    expect(serverIssues(new Error("x"))).toEqual([]);
    expect(serverIssues(new ApiError("conflict", "Taken."))).toEqual([]);
  });
});

describe("placeIssues", () => {
  it("puts each issue on the field its path maps to, the first message per field, and keeps the others apart", () => {
    const { placed, rest } = placeIssues(
      [
        { path: "currentPassword", message: "Not right." },
        { path: "currentPassword", message: "Second." },
        { path: "driverOpts.o", message: "Bad option." },
        { path: "", message: "Whole body." },
      ],
      (p) => (p === "currentPassword" ? "current" : p.startsWith("driverOpts") ? "options" : undefined),
    );
    expect([...placed]).toEqual([
      ["current", "Not right."],
      ["options", "Bad option."],
    ]);
    expect(rest).toEqual([{ path: "", message: "Whole body." }]);
  });
});
