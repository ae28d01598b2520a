// The live index is built when the console starts, not by the first request: once the console says the lists
// are warm, the very first volumes list it is asked for is served from memory (X-Voldeck-Source: index).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type SecondConsole } from "../helpers/console";
import { until } from "../helpers/poll";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vd-warm-"));
const token = "warm-start-token-0123456789abcdef";
let fresh: SecondConsole;

beforeAll(async () => {
  fresh = await startConsole(dataDir, { VOLDECK_API_TOKEN: token });
}, 90_000);
afterAll(async () => {
  await fresh?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("warm start", () => {
  it("serves the first volumes list after a start from the index", async () => {
    await until(
      "the console to say its lists are warm",
      async () => fresh.output(),
      (log) => /volume lists warmed for 1 of 1 engine/.test(log),
      {
        timeoutMs: 30_000,
        intervalMs: 200,
      },
    );
    const answer = await fetch(`${fresh.url}/api/engines/local/volumes`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-voldeck-source")).toBe("index");
  }, 60_000);
});
