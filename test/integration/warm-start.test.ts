// Issue 16: the console reads each engine's volume list when it starts, so the first person to open the list
// is answered from the live index, not made to wait for the engine's calls, the event stream and the sizes.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startConsole, type SecondConsole } from "../helpers/console";
import { until } from "../helpers/poll";

let dataDir = "";
let c: SecondConsole | undefined;
afterAll(async () => {
  await c?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

it("reads the engine's volumes at start: the first list request is answered from the live index", async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "vd-warm-"));
  const token = "warm-start-token-0123456789abcdef";
  c = await startConsole(dataDir, { VOLDECK_API_TOKEN: token });
  const console2 = c;
  // The start-up read says when it is done; nothing has asked for a list before this request.
  await until(
    "the start-up read of the local engine",
    async () => console2.output(),
    (log) => /volume lists read at start in \d+ ms \(engines: [^)]*\blocal\b/.test(log),
    { timeoutMs: 30_000 },
  );
  const res = await fetch(`${c.url}/api/engines/local/volumes`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("x-voldeck-source")).toBe("index");
  expect(Array.isArray(((await res.json()) as { volumes: unknown[] }).volumes)).toBe(true);
});
