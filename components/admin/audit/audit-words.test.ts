import { describe, expect, it } from "vitest";
import { actionLabel, actorWords, describeActor, outcomeOf } from "./audit-words";

describe("describeActor", () => {
  it("names the environment's token in words, not by its principal", () => {
    expect(describeActor("token:VOLDECK_API_TOKEN")).toEqual({ kind: "token", name: null, label: "API token (from the environment)" });
    expect(actorWords("token:VOLDECK_API_TOKEN")).toBe("API token (from the environment)");
  });
  it("names another token by its name", () => {
    expect(describeActor("token:ci-nightly")).toEqual({ kind: "token", name: "ci-nightly", label: "API token" });
    expect(actorWords("token:ci-nightly")).toBe("API token ci-nightly");
  });
  it("keeps a user's name, and says anonymous for nobody", () => {
    expect(describeActor("alice")).toEqual({ kind: "user", name: "alice" });
    expect(actorWords(null)).toBe("anonymous");
    expect(actorWords("")).toBe("anonymous");
  });
});

describe("actionLabel", () => {
  it("words the known action keys", () => {
    expect(actionLabel("backup.create")).toBe("Backup created");
    expect(actionLabel("volume.prune")).toBe("Unused volumes pruned");
    expect(actionLabel("token.revoke")).toBe("API token revoked");
    expect(actionLabel("auth.login")).toBe("Signed in");
    expect(actionLabel("auth.oidc.login")).toBe("Signed in (single sign-on)");
  });
  it("gives nothing for a key it does not know, so the page shows the key alone", () => {
    expect(actionLabel("volume.frobnicate")).toBeNull();
    expect(actionLabel("gadget.create")).toBeNull();
    expect(actionLabel("x.y.z")).toBeNull();
  });
});

describe("outcomeOf", () => {
  it("sets the HTTP status apart from the word", () => {
    expect(outcomeOf({ ok: true, status: 202, state: "done" })).toEqual({ tone: "green", word: "ok", code: "202" });
    expect(outcomeOf({ ok: false, status: 409, state: "done" })).toEqual({ tone: "red", word: "failed", code: "409" });
    expect(outcomeOf({ ok: false, status: null })).toEqual({ tone: "red", word: "failed", code: null });
  });
  it("says unfinished for a line whose outcome was never written, rather than failed", () => {
    expect(outcomeOf({ ok: false, status: null, state: "started" })).toEqual({ tone: "amber", word: "unfinished", code: null });
  });
});
