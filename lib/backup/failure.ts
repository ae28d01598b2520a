import "server-only";
import { ApiError } from "@/lib/api/error";
import { isUnreachable } from "@/lib/docker/errors";
import { TarFormatError } from "./tar/scan";

// What a person reads when a job fails: a broken connection in the middle of a stream says which engine went
// away, rather than Node's bare "aborted".

const BROKEN = /aborted|socket hang up|premature close|ECONNRESET|EPIPE/i;

export function describeFailure(e: unknown, engineId: string, what: string): unknown {
  if (e instanceof ApiError || (e as Error)?.name === "AbortError") return e;
  const err = e as NodeJS.ErrnoException;
  const message = err?.message ?? String(e);
  if (isUnreachable(e) || BROKEN.test(message) || BROKEN.test(err?.code ?? "")) {
    return new ApiError("engine_unreachable", `The Docker engine "${engineId}" went away in the middle of the ${what} (${message}).`, { engine: engineId });
  }
  if (e instanceof TarFormatError) return new Error(`The ${what} stream from engine "${engineId}" is not a complete archive: ${message}.`);
  return e;
}
