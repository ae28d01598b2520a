import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import { addFailureTitle, repositoryReason } from "./repo-errors";

const refused = (details: Record<string, unknown>) =>
  ApiError.fromBody(422, { error: { code: "repository_error", message: "The password does not open…", ...details } });

describe("a refused repository", () => {
  it("is titled by its reason", () => {
    expect(repositoryReason(refused({ reason: "wrong_password" }))).toBe("wrong_password");
    expect(addFailureTitle(refused({ reason: "wrong_password" }))).toBe("Wrong password.");
    expect(addFailureTitle(refused({ reason: "locked" }))).toBe("The repository is locked.");
  });
  it("falls back to a plain title for an unknown reason or another error", () => {
    expect(addFailureTitle(refused({}))).toBe("The repository was not added.");
    expect(repositoryReason(new ApiError("conflict", "Taken."))).toBeNull();
    expect(addFailureTitle(new Error("network"))).toBe("The repository was not added.");
  });
});
