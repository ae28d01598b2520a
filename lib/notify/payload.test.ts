import { describe, expect, it } from "vitest";
import { plainText, title, webhookBody } from "./payload";

describe("notification payloads", () => {
  it("the webhook body has exactly the documented fields, absent ones left out", () => {
    const body = JSON.parse(webhookBody({ event: "backup.failed", at: "2026-01-01T00:00:00.000Z", engine: "local", volume: "db", message: "no space" }));
    expect(body).toEqual({ event: "backup.failed", at: "2026-01-01T00:00:00.000Z", engine: "local", volume: "db", message: "no space" });
    expect(Object.keys(JSON.parse(webhookBody({ event: "test", at: "x", message: "m" })))).toEqual(["event", "at", "message"]);
  });

  it("titles name the event and what it is about", () => {
    expect(title({ event: "backup.failed", volume: "db", engine: "local", message: "" })).toBe("Voldeck backup.failed: db on local");
    expect(title({ event: "engine.down", engine: "nas", message: "" })).toBe("Voldeck engine.down: engine nas");
    expect(title({ event: "test", message: "" })).toBe("Voldeck test");
  });

  it("plain text starts with the message and lists the facts", () => {
    expect(plainText({ event: "policy.stale", policy: "nightly", at: "T", message: "stale" })).toBe("stale\n\npolicy: nightly\nevent: policy.stale\nat: T");
  });
});
