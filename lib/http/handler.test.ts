import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { writeFile } from "node:fs/promises";
import { ApiError } from "@/lib/api/error";
import { dataDir, db } from "@/lib/store/db";
import { errorResponse, handler, parseParam, readJson } from "./handler";

const post = (body: string) => new Request("http://x/api", { method: "POST", body });
const schema = z.strictObject({ n: z.number() });

describe("readJson", () => {
  it("parses and validates the body; an empty body counts as {}", async () => {
    expect(await readJson(post('{"n": 2}'), schema)).toEqual({ n: 2 });
    expect(await readJson(post("  "), z.strictObject({ all: z.boolean().default(false) }))).toEqual({ all: false });
  });
  it("refuses malformed JSON and invalid bodies with invalid_input and the issues", async () => {
    await expect(readJson(post("{n: 2"), schema)).rejects.toMatchObject({ code: "invalid_input", message: /not valid JSON/ });
    const e = (await readJson(post('{"n": "two", "x": 1}'), schema).catch((err) => err)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe("invalid_input");
    const issues = e.details.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toContain("n");
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });
});

describe("parseParam", () => {
  it("answers the value or throws invalid_input", () => {
    expect(parseParam(z.string().min(2), "ab")).toBe("ab");
    expect(() => parseParam(z.string().min(2), "a")).toThrow(ApiError);
  });
});

describe("handler / errorResponse", () => {
  const ctx = { params: Promise.resolve({ engine: "local" }) };
  it("passes the params and answers what the function answers", async () => {
    const res = await handler<{ engine: string }>({ public: true }, async (_req, p) => Response.json(p))(post(""), ctx);
    expect(await res.json()).toEqual({ engine: "local" });
  });
  it("turns an ApiError into its response", async () => {
    const res = await handler({ public: true }, async () => {
      throw new ApiError("not_found", "nope");
    })(post(""), { params: Promise.resolve({}) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "nope" } });
  });
  it("turns anything else into a 500 without details or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error("secret path /etc/x at foo.ts:1"));
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
  it("turns a thrown ZodError into invalid_input", async () => {
    const res = errorResponse(schema.safeParse({}).error);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_input");
  });
});

// A real SQLITE_FULL, not a stand-in: the database may not grow past the pages it has, and filler lines take up
// the room left in them. `release` lifts the cap and removes the filler.
function fillDatabase(): { release: () => void } {
  const conn = db();
  const pages = conn.pragma("page_count", { simple: true }) as number;
  conn.pragma(`max_page_count = ${pages}`);
  const fill = conn.prepare("INSERT INTO audit (at, action, ok) VALUES ('filler', 'filler', 1)");
  try {
    for (let i = 0; i < 1_000_000; i++) fill.run();
    throw new Error("the database never filled up");
  } catch (e) {
    if ((e as { code?: string }).code !== "SQLITE_FULL") throw e;
  }
  return {
    release: () => {
      conn.pragma("max_page_count = 1073741823");
      conn.prepare("DELETE FROM audit WHERE action = 'filler'").run();
    },
  };
}

const lastLine = () => db().prepare("SELECT * FROM audit WHERE action != 'filler' ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;

describe("handler: the audit trail and a full disk", () => {
  const noParams = { params: Promise.resolve({}) };
  it("writes the line before acting and its outcome after: state done, with the status", async () => {
    const res = await handler({ public: true, audit: "test.ok" }, async (_req, _p, ctx) => {
      expect(lastLine()).toMatchObject({ action: "test.ok", state: "started", status: null });
      ctx.audit.made = "x";
      return Response.json({}, { status: 201 });
    })(post(""), noParams);
    expect(res.status).toBe(201);
    expect(lastLine()).toMatchObject({ action: "test.ok", state: "done", ok: 1, status: 201, detail: '{"made":"x"}' });
  });

  it("refuses up front with 507 when the line cannot be written, and does not act", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const full = fillDatabase();
    let acted = false;
    try {
      const res = await handler({ public: true, audit: "test.refused" }, async () => {
        acted = true;
        return Response.json({}, { status: 201 });
      })(post(""), noParams);
      expect(res.status).toBe(507);
      const body = await res.json();
      expect(body.error.code).toBe("insufficient_storage");
      expect(body.error.message).toContain(`The console's data directory (${dataDir()}) is full`);
    } finally {
      full.release();
      log.mockRestore();
    }
    expect(acted).toBe(false);
  });

  it("says the action was carried out when only its outcome could not be written", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let full: { release: () => void } | null = null;
    try {
      const res = await handler({ public: true, audit: "test.after" }, async (_req, _p, ctx) => {
        // The disk fills while acting; the outcome (with a detail too big for the room left) cannot be written.
        full = fillDatabase();
        ctx.audit.big = "x".repeat(10_000);
        return Response.json({ created: true }, { status: 201 });
      })(post(""), noParams);
      expect(res.status).toBe(507);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: "insufficient_storage", done: true, doneStatus: 201 });
      expect(body.error.message).toMatch(/^test\.after was carried out \(HTTP 201\), but its audit entry could not be written: The console's data directory/);
      // The line written before acting is its record.
      expect(lastLine()).toMatchObject({ id: body.error.auditId, action: "test.after", state: "started" });
    } finally {
      (full as { release: () => void } | null)?.release();
      log.mockRestore();
    }
  });

  it("maps a full disk from a file write (ENOSPC) to 507 naming the data directory", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const err = await writeFile("/dev/full", "x").catch((e: unknown) => e);
    const res = errorResponse(new Error("the upload failed", { cause: err }));
    log.mockRestore();
    expect(res.status).toBe(507);
    expect((await res.json()).error.message).toMatch(/^The console's data directory \(.+\) is full/);
  });
});
