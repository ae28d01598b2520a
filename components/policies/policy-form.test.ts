import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/api/policy-types";
import { emptyPolicyForm, fieldOf, formOf, policyFormSchema, toPolicyBody, type PolicyFormValues } from "./policy-form";

const form = (over: Partial<PolicyFormValues>): PolicyFormValues => ({ ...emptyPolicyForm, name: "Nightly", ...over });
const problems = (v: PolicyFormValues) => {
  const r = policyFormSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("toPolicyBody", () => {
  it("builds the selector, a tar target with its keep rules, and leaves empty parts out", () => {
    const body = toPolicyBody(form({ labels: "tier=db", excludeNames: "cache scratch-*", keep: { keepLast: "7", keepDays: "", daily: "3" } }));
    expect(body).toEqual({
      name: "Nightly",
      selector: {
        engines: ["*"],
        labels: { tier: "db" },
        composeProject: undefined,
        namePattern: undefined,
        exclude: { labels: undefined, names: ["cache", "scratch-*"] },
      },
      target: { kind: "tar", compression: "gzip" },
      cron: "0 2 * * *",
      retention: { keepLast: 7 },
      consistency: "none",
      drill: null,
      enabled: true,
    });
  });

  it("sends restic's keep rules to a repository, and hooks only with consistency hooks", () => {
    const v = form({ targetKind: "repository", repository: "offsite", keep: { keepLast: "7", daily: "7", weekly: "4" }, pre: "sync" });
    expect(toPolicyBody(v)).toMatchObject({ target: { kind: "repository", repository: "offsite" }, retention: { daily: 7, weekly: 4 } });
    expect(toPolicyBody(v)).not.toHaveProperty("hooks");
    const hooked = toPolicyBody(form({ consistency: "hooks", hookContainer: "db", pre: `sh -c "pg_dump > /d/x"`, timeoutSeconds: "30" }));
    expect(hooked.hooks).toEqual({ container: "db", pre: [["sh", "-c", "pg_dump > /d/x"]], post: undefined, timeoutSeconds: 30 });
  });
});

describe("policyFormSchema", () => {
  it("accepts the empty form with a name", () => {
    expect(problems(form({}))).toEqual({});
  });

  it("puts the server schema's problems on the fields they are about", () => {
    expect(problems(form({ name: " " }))).toEqual({ name: "Give the policy a name." });
    expect(Object.keys(problems(form({ cron: "61 * * * *" })))).toEqual(["cron"]);
    expect(Object.keys(problems(form({ namePattern: "db-[" })))).toEqual(["namePattern"]);
    expect(Object.keys(problems(form({ keep: { keepLast: "0" } })))).toEqual(["keep.keepLast"]);
    expect(problems(form({ consistency: "hooks" }))).toEqual({ pre: 'Consistency "hooks" needs a pre or a post command.' });
  });

  it("refuses no engine, no repository, and text it cannot read, each on its field", () => {
    expect(Object.keys(problems(form({ allEngines: false, engines: [] })))).toContain("engines");
    expect(Object.keys(problems(form({ targetKind: "repository" })))).toContain("repository");
    expect(problems(form({ excludeLabels: "nokey" }))).toEqual({ excludeLabels: '"nokey" is not key=value.' });
    expect(problems(form({ consistency: "hooks", post: `echo "x` }))).toEqual({ post: 'A " quote is not closed.' });
  });
});

describe("the drill part", () => {
  it("sends no drill (null, which removes a stored one) when off, and the typed drill when on", () => {
    expect(toPolicyBody(form({ drillCheck: "ignored when off" })).drill).toBeNull();
    const on = form({
      drillOn: true,
      drillCron: " 0 5 * * 0 ",
      drillCheck: `sqlite3 app.db "PRAGMA integrity_check"`,
      drillTimeout: "60",
      drillEngine: "peer",
    });
    expect(toPolicyBody(on).drill).toEqual({
      cron: "0 5 * * 0",
      check: ["sqlite3", "app.db", "PRAGMA integrity_check"],
      image: undefined,
      timeoutSeconds: 60,
      engine: "peer",
    });
    expect(toPolicyBody(form({ drillOn: true })).drill).toEqual({ cron: "0 5 * * 0" });
  });

  it("shows a drill's problems on its fields, and none while it is off", () => {
    expect(Object.keys(problems(form({ drillOn: true, drillCron: "61 * * * *" })))).toEqual(["drillCron"]);
    expect(problems(form({ drillOn: false, drillCron: "61 * * * *" }))).toEqual({});
    expect(problems(form({ drillOn: true, drillCheck: `sh -c "x` }))).toEqual({ drillCheck: 'A " quote is not closed.' });
    expect(Object.keys(problems(form({ drillOn: true, drillTimeout: "0" })))).toEqual(["drillTimeout"]);
    expect(Object.keys(problems(form({ drillOn: true, drillEngine: "Not An Id" })))).toEqual(["drillEngine"]);
  });
});

describe("fieldOf", () => {
  it("maps the server's issue paths to form fields", () => {
    expect(fieldOf("selector.exclude.names.2")).toBe("excludeNames");
    expect(fieldOf("selector.exclude.labels")).toBe("excludeLabels");
    expect(fieldOf("selector.engines.0")).toBe("engines");
    expect(fieldOf("target.repository")).toBe("repository");
    expect(fieldOf("retention", "repository")).toBe("keep.last");
    expect(fieldOf("retention.daily")).toBe("keep.daily");
    expect(fieldOf("hooks.pre.0")).toBe("pre");
    expect(fieldOf("hooks.container")).toBe("hookContainer");
    expect(fieldOf("cron")).toBe("cron");
    expect(fieldOf("drill.cron")).toBe("drillCron");
    expect(fieldOf("drill.engine")).toBe("drillEngine");
    expect(fieldOf("drill.check.0")).toBe("drillCheck");
  });
});

describe("formOf", () => {
  it("fills the form from a stored policy so that the body comes back the same", () => {
    const p = {
      id: "pol-1",
      name: "DBs",
      selector: { engines: ["local", "peer"], labels: { tier: "db" }, namePattern: "db-*", exclude: { names: ["db-tmp"] } },
      target: { kind: "repository", repository: "offsite" },
      cron: "0 3 * * *",
      retention: { daily: 7 },
      consistency: "hooks",
      hooks: { container: "pg", pre: [["sh", "-c", "pg_dump -f /d/x app"]] },
      drill: { cron: "0 5 * * 0", check: ["sh", "-c", "test -s dump.sql"], image: "busybox", timeoutSeconds: 30, engine: "peer" },
      enabled: false,
    } as unknown as Policy;
    const v = formOf(p);
    expect(v).toMatchObject({ allEngines: false, engines: ["local", "peer"], labels: "tier=db", pre: `sh -c "pg_dump -f /d/x app"`, keep: { daily: "7" } });
    expect(toPolicyBody(v)).toMatchObject({
      selector: p.selector,
      target: p.target,
      retention: p.retention,
      hooks: { container: "pg", pre: p.hooks!.pre },
      drill: p.drill,
      enabled: false,
    });
    expect(toPolicyBody(formOf({ ...p, drill: undefined })).drill).toBeNull();
  });
});
