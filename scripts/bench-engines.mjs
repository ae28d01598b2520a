// `npm run bench:engines`: the all-engines list (GET /api/volumes) against each engine's own list, side by side
// in interleaved rounds. Starts three private engines filled with volumes and containers, plus addresses where
// nothing answers, and the built console; prints medians and the ratios all / slowest single engine.
// BENCH_VOLUMES (per engine, default 1000), BENCH_CONTAINERS (per engine, default 100), BENCH_ROUNDS (default 15).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fillEngine, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 1000);
const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const root = path.resolve(import.meta.dirname, "..");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

async function startConsole(engines, dead) {
  const port = await freePort();
  const data = mkdtempSync("/tmp/vd-bench-data-");
  const [local, ...others] = engines;
  const env = {
    ...process.env, HOST: "127.0.0.1", PORT: String(port), DOCKER_HOST: local.dockerHost, VOLDECK_DATA_DIR: data,
    VOLDECK_API_TOKEN: randomBytes(16).toString("hex"), VOLDECK_ADMIN_PASSWORD: randomBytes(12).toString("hex"),
    VOLDECK_ENGINES: [...others.map((e, i) => `e${i + 2}=${e.dockerHost}`), ...Object.entries(dead).map(([id, url]) => `${id}=${url}`)].join(","),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, env, child, stop: () => (child.kill("SIGTERM"), rmSync(data, { recursive: true, force: true })) };
}

/** A request that may go out on a kept-alive connection the server closed while idle: tried once more then. */
async function call(app, urlPath) {
  const init = { headers: { Authorization: `Bearer ${app.env.VOLDECK_API_TOKEN}` } };
  return fetch(`${app.url}${urlPath}`, init).catch(() => fetch(`${app.url}${urlPath}`, init));
}

/** One timed request, body fully received; checks what the answer must hold so a broken answer is no figure. */
async function timed(app, urlPath, check) {
  const t = performance.now();
  const res = await fetch(`${app.url}${urlPath}`, { headers: { Authorization: `Bearer ${app.env.VOLDECK_API_TOKEN}` } });
  const text = await res.text();
  const elapsed = performance.now() - t;
  if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${text.slice(0, 300)}`);
  check(JSON.parse(text));
  return elapsed;
}

const single = (id) => ({ path: `/api/engines/${id}/volumes`, check: (b) => assert(b.volumes.length >= VOLUMES, `${id} listed ${b.volumes.length}`) });
// Each engine's own time inside the all-engines answers (the `ms` extra), to tell the engines' part from the rest.
const engineMs = {};
const all = (ids, live) => ({
  path: `/api/volumes?${ids.map((id) => `engine=${id}`).join("&")}`,
  check: (b) => {
    for (const e of b.engines) (engineMs[`${ids.length}:${e.id}`] ??= []).push(e.ms);
    for (const id of ids) assert(b.engines.find((e) => e.id === id)?.ok === live.includes(id), `${id} ok should be ${live.includes(id)}: ${JSON.stringify(b.engines)}`);
    assert(b.volumes.length >= VOLUMES * live.length, `all listed ${b.volumes.length}`);
  },
});

function assert(ok, why) {
  if (!ok) throw new Error(why);
}

/** Interleaved rounds: each round asks every probe once, in a rotating order, so drift hits all alike. */
async function rounds(app, probes) {
  const times = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
  const names = Object.keys(probes);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      times[name].push(await timed(app, probes[name].path, probes[name].check));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const engines = [];
const held = new Set();
let app;
let hanging;
try {
  for (let i = 1; i <= 3; i++) engines.push(await startEngine({ name: `bench-e${i}` }));
  const t = Date.now();
  await Promise.all(engines.map((e, i) => fillEngine(e, { volumes: VOLUMES, containers: CONTAINERS, prefix: `e${i + 1}` })));
  console.log(`filled 3 engines with ${VOLUMES} volumes and ${CONTAINERS} containers each in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // "gone": a unix socket with nothing behind it (refuses at once); "hangs": a TCP address that accepts
  // connections and never answers, bounded by the per-engine deadline the first time, then not waited for.
  const deadDir = mkdtempSync("/tmp/vd-bench-dead-");
  hanging = net.createServer((socket) => (held.add(socket), socket.on("error", () => {})));
  await new Promise((r) => hanging.listen(0, "127.0.0.1", r));
  app = await startConsole(engines, { gone: `unix://${deadDir}/docker.sock`, hangs: `tcp://127.0.0.1:${hanging.address().port}` });

  const ids = ["local", "e2", "e3"];
  // Warm up: the first request per engine reads it from the engine and starts its event stream (the live index).
  for (const id of ids) await timed(app, single(id).path, single(id).check);
  await new Promise((r) => setTimeout(r, 1500));
  for (let i = 0; i < 3; i++) await timed(app, all(ids, ids).path, () => {});
  // The first request that names a dead engine: nothing known about it yet, so it is asked (and fails or times out).
  const cold = {};
  for (const dead of ["gone", "hangs"]) cold[dead] = await timed(app, `/api/volumes?engine=${dead}`, () => {});

  const phase1 = await rounds(app, {
    local: single("local"), e2: single("e2"), e3: single("e3"),
    all3: all(ids, ids),
    "all3+gone": all([...ids, "gone"], ids),
    "all3+hangs": all([...ids, "hangs"], ids),
  });
  const slowest1 = Math.max(phase1.local, phase1.e2, phase1.e3);
  console.log("three engines up (medians, ms):", JSON.stringify(phase1, (_, v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)));

  // One of the three really dies: its event stream breaks, the console marks it down.
  await engines[2].stop();
  engines.pop();
  for (let i = 0; i < 100; i++) {
    const b = await (await call(app, "/api/volumes?engine=e3")).json();
    if (b.engines[0].ok === false) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await call(app, single("local").path);
  const phase2 = await rounds(app, { local: single("local"), e2: single("e2"), "all3 (e3 stopped)": all(ids, ["local", "e2"]) });
  const slowest2 = Math.max(phase2.local, phase2.e2);

  const rows = [
    ...ids.map((id) => ({ what: `single engine ${id}: GET /api/engines/${id}/volumes`, median: ms(phase1[id]), ratio: "" })),
    { what: "all three: GET /api/volumes (target ≤ 1.1× slowest single)", median: ms(phase1.all3), ratio: `${(phase1.all3 / slowest1).toFixed(2)}×` },
    { what: "  for scale: the three single lists one after another", median: ms(phase1.local + phase1.e2 + phase1.e3), ratio: `${((phase1.local + phase1.e2 + phase1.e3) / slowest1).toFixed(2)}×` },
    { what: "all three + a dead unix socket (target ≤ 1.1×)", median: ms(phase1["all3+gone"]), ratio: `${(phase1["all3+gone"] / slowest1).toFixed(2)}×` },
    { what: "all three + an engine that never answers (target ≤ 1.1×)", median: ms(phase1["all3+hangs"]), ratio: `${(phase1["all3+hangs"] / slowest1).toFixed(2)}×` },
    ...["local", "e2"].map((id) => ({ what: `after e3 stopped, single engine ${id}`, median: ms(phase2[id]), ratio: "" })),
    { what: "all three, e3 stopped (target ≤ 1.1× slowest single)", median: ms(phase2["all3 (e3 stopped)"]), ratio: `${(phase2["all3 (e3 stopped)"] / slowest2).toFixed(2)}×` },
    { what: "first request ever to the dead unix socket (cold)", median: ms(cold.gone), ratio: "" },
    { what: "first request ever to the engine that never answers (deadline-bound)", median: ms(cold.hangs), ratio: "" },
  ];
  console.log("each engine's part inside the all-engines answers (server-side medians, ms; key = engines asked:engine):");
  console.log(Object.fromEntries(Object.entries(engineMs).map(([k, v]) => [k, median(v)])));
  console.log(`\nAll engines: 3 engines × ${VOLUMES} volumes, ${CONTAINERS} containers each; medians of ${ROUNDS} interleaved rounds\n`);
  console.table(rows);
  rmSync(deadDir, { recursive: true, force: true });
} finally {
  app?.stop();
  for (const socket of held) socket.destroy();
  hanging?.close();
  for (const e of engines) await e.stop();
}
