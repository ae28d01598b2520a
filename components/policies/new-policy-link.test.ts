import { describe, expect, it } from "vitest";
import { draftFor, newPolicyHref } from "./new-policy-link";

describe("the new-policy link", () => {
  it("carries engine and volume, and reads back as a draft for that volume only", () => {
    const href = newPolicyHref("local", "shop_db.1");
    expect(href).toBe("/coverage?newPolicy=local%2Fshop_db.1");
    const value = new URLSearchParams(href.split("?")[1]).get("newPolicy")!;
    expect(draftFor(value)).toEqual({ name: "Back up shop_db.1", allEngines: false, engines: ["local"], namePattern: "shop_db.1" });
  });

  it("answers an empty draft for a value without engine or volume", () => {
    expect(draftFor("local")).toEqual({});
    expect(draftFor("/vol")).toEqual({});
    expect(draftFor("local/")).toEqual({});
  });
});
