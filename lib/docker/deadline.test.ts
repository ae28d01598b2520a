import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineFor, EngineTimeout, withDeadlines } from "./deadline";
import { outcomeUnknown, toApiError } from "./errors";

describe("deadlineFor", () => {
  it("gives ordinary calls the deadline, a stop its stop timeout on top, and a wait none", () => {
    expect(deadlineFor({ path: "/volumes/create?", method: "POST" }, 10_000)).toBe(10_000);
    expect(deadlineFor({ path: "/containers/abc/stop?", options: { t: 30 } }, 10_000)).toBe(40_000);
    expect(deadlineFor({ path: "/containers/abc/stop?", options: {} }, 10_000)).toBe(20_000);
    expect(deadlineFor({ path: "/containers/abc/wait?" }, 10_000)).toBeNull();
  });
});

// A real socket that takes connections and never answers, as a paused (SIGSTOP) engine's does.
describe("a client with deadlines, against an engine that never answers", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "voldeck-deadline-"));
  const socketPath = path.join(dir, "docker.sock");
  const held: net.Socket[] = [];
  const server = net.createServer((s) => held.push(s));
  beforeAll(() => new Promise<void>((resolve) => server.listen(socketPath, resolve)));
  afterAll(() => {
    held.forEach((s) => s.destroy());
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("ends a volume create at the deadline with EngineTimeout, answered as 503 with an unknown outcome", async () => {
    const client = withDeadlines(new Docker({ socketPath }), 300);
    const error = await client.createVolume({ Name: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineTimeout);
    const api = outcomeUnknown(toApiError(error, "spare"), 'whether the volume "x" was created', "the volumes list shows it");
    expect(api.status).toBe(503);
    expect(api.message).toBe(
      'The Docker engine "spare" did not answer within 0.3 s; it may be paused or overloaded. Whether the volume "x" was created is unknown: the volumes list shows it.',
    );
    expect(api.details).toMatchObject({ engine: "spare", engineState: "not_answering", outcome: "unknown" });
  });

  it("leaves a call that brings its own abort signal to that signal", async () => {
    const client = withDeadlines(new Docker({ socketPath }), 100);
    const own = new AbortController();
    const call = client.getVolume("x").inspect({ abortSignal: own.signal });
    const first = await Promise.race([call.catch((e: unknown) => e), new Promise((r) => setTimeout(() => r("still waiting"), 600))]);
    expect(first).toBe("still waiting");
    own.abort();
    expect(await call.catch((e: unknown) => e)).not.toBeInstanceOf(EngineTimeout);
  });
});

describe("isEngineTimeout", () => {
  it("knows the error by its name and deadline, also from another copy of the module (another server bundle)", () => {
    const fromAnotherCopy = Object.assign(new Error("the engine did not answer within 10 s"), { name: "EngineTimeout", ms: 10_000 });
    expect(toApiError(fromAnotherCopy, "e1")).toMatchObject({ code: "engine_unreachable", details: { engineState: "not_answering", timeoutSeconds: 10 } });
    expect(toApiError(new Error("the engine did not answer"), "e1").code).toBe("engine_error");
  });
});
