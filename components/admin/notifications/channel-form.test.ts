import { describe, expect, it } from "vitest";
import { channelFormSchema, emptyChannelForm, fieldOf, formOf, toChannelBody } from "./channel-form";

describe("the channel form", () => {
  it("builds a webhook body; an empty secret keeps the stored one, 'remove' clears it", () => {
    const v = { ...emptyChannelForm, url: " https://hooks.example.org/x ", secret: "" };
    expect(toChannelBody(v)).toEqual({ kind: "webhook", name: undefined, url: "https://hooks.example.org/x", secret: undefined });
    expect(toChannelBody({ ...v, secret: "s" })).toMatchObject({ secret: "s" });
    expect(toChannelBody({ ...v, secret: "s", clearSecret: true })).toMatchObject({ secret: null });
    expect(toChannelBody({ ...v, allEvents: false, events: ["backup.failed"] })).toMatchObject({ events: ["backup.failed"] });
  });

  it("splits recipients and numbers the port for SMTP", () => {
    const body = toChannelBody({
      ...emptyChannelForm,
      kind: "smtp",
      host: "mail",
      port: "25",
      security: "none",
      from: "a@b.org",
      to: "x@b.org, y@b.org\nz@b.org",
    });
    expect(body).toMatchObject({ kind: "smtp", smtp: { host: "mail", port: 25, security: "none", from: "a@b.org", to: ["x@b.org", "y@b.org", "z@b.org"] } });
  });

  it("puts the server schema's problems on the form's fields", () => {
    const problems = (v: object) => {
      const r = channelFormSchema.safeParse({ ...emptyChannelForm, ...v });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(problems({ url: "https://ok.example.org" })).toEqual([]);
    expect(problems({ url: "not a url" })).toEqual(["url"]);
    expect(problems({ kind: "smtp", host: "mail", port: "25", from: "a@b.org", to: "nobody" })).toEqual(["to"]);
    expect(problems({ url: "https://ok.example.org", allEvents: false, events: [] })).toEqual(["events"]);
    expect(fieldOf("smtp.password")).toBe("secret");
    expect(fieldOf("token")).toBe("secret");
    expect(fieldOf("events.2")).toBe("events");
  });

  it("fills the form from a stored channel without a secret", () => {
    const v = formOf({
      id: "abcdefgh",
      kind: "push",
      name: null,
      url: "https://ntfy.sh/t",
      format: "ntfy",
      priority: 4,
      events: ["engine.down"],
      hasSecret: true,
      createdAt: "",
      updatedAt: "",
    });
    expect(v).toMatchObject({ kind: "push", url: "https://ntfy.sh/t", priority: "4", allEvents: false, events: ["engine.down"], secret: "" });
  });
});
