import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/error";
import { engineMessage, engineStatus, isUnreachable, toApiError } from "./errors";

// Shapes as docker-modem throws them: HTTP errors carry statusCode and json; transport errors a code.
const httpError = (statusCode: number, json: unknown) => Object.assign(new Error(`(HTTP code ${statusCode}) unexpected`), { statusCode, json });
const sysError = (code: string, message = `connect ${code} /tmp/x.sock`) => Object.assign(new Error(message), { code });

describe("engineMessage", () => {
  it("prefers the engine's own words", () => {
    expect(engineMessage(httpError(409, { message: "volume is in use - [abc]" }))).toBe("volume is in use - [abc]");
    expect(engineMessage(httpError(500, "  plain text answer\n"))).toBe("plain text answer");
    expect(engineMessage(httpError(500, Buffer.from("from a buffer\n")))).toBe("from a buffer");
  });
  it("falls back to the transport's message, or the value itself", () => {
    expect(engineMessage(httpError(500, null))).toBe("(HTTP code 500) unexpected");
    expect(engineMessage(httpError(500, "   "))).toBe("(HTTP code 500) unexpected");
    expect(engineMessage(sysError("ENOENT"))).toBe("connect ENOENT /tmp/x.sock");
    expect(engineMessage("just a string")).toBe("just a string");
  });
});

describe("engineStatus / isUnreachable", () => {
  it("reads the HTTP status only when there is one", () => {
    expect(engineStatus(httpError(404, {}))).toBe(404);
    expect(engineStatus(sysError("ENOENT"))).toBeUndefined();
    expect(engineStatus(undefined)).toBeUndefined();
  });
  it("treats socket and network failures as unreachable, engine answers never", () => {
    for (const code of ["ECONNREFUSED", "ENOENT", "EACCES", "ETIMEDOUT", "ECONNRESET", "ENOTFOUND"]) {
      expect(isUnreachable(sysError(code)), code).toBe(true);
    }
    expect(isUnreachable(new Error("socket hang up"))).toBe(true);
    expect(isUnreachable(new Error("getaddrinfo EAI_AGAIN engine.example"))).toBe(true);
    expect(isUnreachable(Object.assign(new Error("connect ECONNREFUSED"), { statusCode: 500 }))).toBe(false);
    expect(isUnreachable(new Error("no such volume"))).toBe(false);
    expect(isUnreachable(null)).toBe(false);
  });
});

describe("toApiError", () => {
  it("passes an ApiError through unchanged", () => {
    const original = new ApiError("in_use", "busy", { containers: [] });
    expect(toApiError(original, "local")).toBe(original);
  });
  it("maps an unreachable engine to 503 engine_unreachable naming the engine", () => {
    const e = toApiError(sysError("ENOENT"), "spare");
    expect(e.code).toBe("engine_unreachable");
    expect(e.status).toBe(503);
    expect(e.details).toEqual({ engine: "spare" });
    expect(e.message).toContain('"spare"');
    expect(e.message).toContain("connect ENOENT");
  });
  it.each([
    [404, "not_found", 404],
    [409, "conflict", 409],
    [400, "invalid_input", 400],
  ] as const)("maps engine status %i to %s", (status, code, apiStatus) => {
    const e = toApiError(httpError(status, { message: "engine says no" }), "local");
    expect(e.code).toBe(code);
    expect(e.status).toBe(apiStatus);
    expect(e.message).toBe("engine says no");
  });
  it("maps any other engine failure to 502 engine_error with the engine's status", () => {
    const e = toApiError(httpError(500, { message: "disk full" }), "local");
    expect(e.code).toBe("engine_error");
    expect(e.status).toBe(502);
    expect(e.message).toContain("disk full");
    expect(e.details).toEqual({ engine: "local", engineStatus: 500 });
    expect(toApiError(new Error("weird"), "local").details.engineStatus).toBeNull();
  });
});
