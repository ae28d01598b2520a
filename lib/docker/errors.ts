import { ApiError } from "@/lib/api/error";
import { isEngineTimeout } from "./deadline";

// Pure: turns what dockerode throws into the API's error. Unit-tested.

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOENT",
  "EACCES",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ERR_SSH",
  "ESOCKETTIMEDOUT",
]);

type DockerishError = { statusCode?: number; code?: string; message?: string; json?: unknown; reason?: string };

/** The engine's own words for an HTTP error, else the transport's message. */
export function engineMessage(e: unknown): string {
  const err = e as DockerishError;
  const json = err?.json as { message?: string } | string | null | undefined;
  if (json && typeof json === "object" && typeof json.message === "string") return json.message;
  if (typeof json === "string" && json.trim()) return json.trim();
  if (Buffer.isBuffer(json)) return json.toString("utf8").trim();
  return err?.message ?? String(e);
}

export function engineStatus(e: unknown): number | undefined {
  const s = (e as DockerishError)?.statusCode;
  return typeof s === "number" ? s : undefined;
}

export function isUnreachable(e: unknown): boolean {
  const err = e as DockerishError;
  if (!err || engineStatus(e) !== undefined) return false;
  if (isEngineTimeout(e)) return true;
  if (err.code && UNREACHABLE_CODES.has(err.code)) return true;
  return /timeout|socket hang up|connect|getaddrinfo/i.test(err.message ?? "");
}

export function toApiError(e: unknown, engineId: string): ApiError {
  if (e instanceof ApiError) return e;
  if (isEngineTimeout(e)) {
    return new ApiError("engine_unreachable", `The Docker engine "${engineId}" did not answer within ${e.ms / 1000} s; it may be paused or overloaded.`, {
      engine: engineId,
      engineState: "not_answering",
      timeoutSeconds: e.ms / 1000,
    });
  }
  if (isUnreachable(e)) {
    return new ApiError("engine_unreachable", `The Docker engine "${engineId}" cannot be reached: ${engineMessage(e)}`, {
      engine: engineId,
    });
  }
  const status = engineStatus(e);
  const message = engineMessage(e);
  if (status === 404) return new ApiError("not_found", message, { engine: engineId });
  if (status === 409) return new ApiError("conflict", message, { engine: engineId });
  if (status === 400) return new ApiError("invalid_input", message, { engine: engineId });
  return new ApiError("engine_error", `The Docker engine "${engineId}" answered with an error: ${message}`, {
    engine: engineId,
    engineStatus: status ?? null,
  });
}

/**
 * A write that met its deadline may still be carried out by the engine (it had the request): the answer must
 * not say it failed. `what` is the outcome in doubt, e.g. `whether the volume "x" was created`.
 */
export function outcomeUnknown(error: ApiError, what: string, whereToLook: string): ApiError {
  if (error.details.engineState !== "not_answering") return error;
  return new ApiError(error.code, `${error.message} ${what[0].toUpperCase()}${what.slice(1)} is unknown: ${whereToLook}.`, {
    ...error.details,
    outcome: "unknown",
  });
}
