import { describe, expect, it } from "vitest";
import { ApiError, errorStatus, isApiError } from "./error";

describe("ApiError", () => {
  it("maps each code to the documented status", () => {
    expect(errorStatus).toMatchObject({
      invalid_input: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      in_use: 409,
      engine_error: 502,
      engine_unreachable: 503,
      insufficient_storage: 507,
    });
    expect(new ApiError("in_use", "busy").status).toBe(409);
    expect(new ApiError("engine_unreachable", "down").status).toBe(503);
  });

  it("serialises as {error: {code, message, ...details}}; details cannot override code or message", () => {
    const e = new ApiError("not_found", "There is no volume.", { volume: "x", code: "forged", message: "forged" });
    expect(e.toJSON()).toEqual({ error: { volume: "x", code: "not_found", message: "There is no volume." } });
  });

  it("answers a JSON Response with its status", async () => {
    const res = new ApiError("in_use", "busy", { containers: [{ id: "1", name: "web" }] }).toResponse();
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "in_use", message: "busy", containers: [{ id: "1", name: "web" }] } });
  });

  it("round-trips through a response body", async () => {
    const original = new ApiError("in_use", "Volume is in use.", { engine: "local", containers: [{ name: "db" }] });
    const res = original.toResponse();
    const back = ApiError.fromBody(res.status, await res.json());
    expect(back).toBeInstanceOf(ApiError);
    expect(isApiError(back)).toBe(true);
    expect(back.code).toBe("in_use");
    expect(back.message).toBe("Volume is in use.");
    expect(back.status).toBe(409);
    expect(back.details).toEqual({ engine: "local", containers: [{ name: "db" }] });
  });

  it.each([
    ["no body", null],
    ["an HTML page", "<html>oops</html>"],
    ["an unknown code", { error: { code: "teapot", message: "short and stout" } }],
    ["no message", { error: { code: "not_found" } }],
  ])("turns %s into an internal error naming the HTTP status", (_why, body) => {
    const e = ApiError.fromBody(502, body);
    expect(e.code).toBe("internal");
    expect(e.message).toContain("502");
  });

  it("is told apart from other errors", () => {
    expect(isApiError(new Error("x"))).toBe(false);
  });
});
