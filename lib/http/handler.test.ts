import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/error";
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
