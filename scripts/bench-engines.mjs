// `npm run bench:engines`: the all-engines list (GET /api/volumes) against each engine's own list, side by side
// in interleaved rounds, in two regimes. Warm: one console whose live index holds every engine (a list costs no
// engine call, only the console's own CPU). Cold, engine-bound: the first list a freshly started console answers
// (nothing indexed, so every engine asked is read from the engine), a fresh console for each measurement.
// Starts three private engines filled with volumes and containers, plus addresses where nothing answers, and the
// built console; prints medians, the ratios all / slowest single engine, and what each answer was served from.
// BENCH_VOLUMES (per engine, default 1000), BENCH_CONTAINERS (per engine, default 100), BENCH_ROUNDS (warm,
// default 15), BENCH_COLD_ROUNDS (default 5). The console runs from VOLDECK_DIST_DIR (default .next-bench), built
// when it holds no build yet (`-- --build` builds it again).
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { ensureBuild, median, startConsole } from "./bench/harness.mjs";
import { engineJson, fillEngine, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 1000);
const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 5);
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (x, base) => `${(x / base).toFixed(2)}×`;

/** A request that may go out on a kept-alive connection the server closed while idle: tried once more then. */
async function call(app, urlPath) {
  const init = { headers: { Authorization: `Bearer ${app.env.VOLDECK_API_TOKEN}` } };
  return fetch(`${app.url}${urlPath}`, init).catch(() => fetch(`${app.url}${urlPath}`, init));
}

// What each timed answer was served from, counted per probe: X-Voldeck-Source ("index": the live index,
// "engine": read from the engine for this request), and per engine in the all-engines answers.
const servedFrom = {};

/** One timed request, body fully received; checks what the answer must hold so a broken answer is no figure. */
async function timed(app, urlPath, check, seenAs) {
  const t = performance.now();
  const res = await fetch(`${app.url}${urlPath}`, { headers: { Authorization: `Bearer ${app.env.VOLDECK_API_TOKEN}` } });
  const text = await res.text();
  const elapsed = performance.now() - t;
  if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  check(body, seenAs);
  if (seenAs) {
    const sources = body.engines ? body.engines.map((e) => `${e.id} ${e.source ?? "failed"}`) : [res.headers.get("x-voldeck-source")];
    const counts = (servedFrom[seenAs] ??= {});
    for (const source of sources) counts[source] = (counts[source] ?? 0) + 1;
  }
  return elapsed;
}

const single = (id) => ({ path: `/api/engines/${id}/volumes`, check: (b) => assert(b.volumes.length >= VOLUMES, `${id} listed ${b.volumes.length}`) });
// Each engine's own time inside the all-engines answers (the `ms` extra), to tell the engines' part from the rest.
const engineMs = {};
const all = (ids, live) => ({
  path: `/api/volumes?${ids.map((id) => `engine=${id}`).join("&")}`,
  check: (b, seenAs) => {
    const regime = seenAs?.startsWith("cold") ? "cold " : "";
    for (const e of b.engines) (engineMs[`${regime}${ids.length}:${e.id}`] ??= []).push(e.ms);
    for (const id of ids)
      assert(b.engines.find((e) => e.id === id)?.ok === live.includes(id), `${id} ok should be ${live.includes(id)}: ${JSON.stringify(b.engines)}`);
    assert(b.volumes.length >= VOLUMES * live.length, `all listed ${b.volumes.length}`);
  },
});

function assert(ok, why) {
  if (!ok) throw new Error(why);
}

/** Interleaved rounds: each round measures every probe once, in a rotating order, so drift hits all alike. */
async function rounds(count, probes, measure) {
  const times = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
  const names = Object.keys(probes);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      times[name].push(await measure(name, probes[name]));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** In the one warm console: every engine indexed, so an answer costs no engine call. */
const warm = (app, label) => (name, probe) => timed(app, probe.path, probe.check, `warm ${label}: ${name}`);

/**
 * The first list a freshly started console answers, with the three engines configured as in the warm console.
 * Before the timed request, the route's code is loaded and the store opened by a request refused before any
 * engine is asked (a create with an unknown field; an unknown engine id), so the figure is the engines' reads
 * and the console's first mapping of them, not the server's start.
 */
const cold = (hosts, label) => async (name, probe) => {
  const fresh = await startConsole({ distDir, engine: { dockerHost: hosts.local }, engines: { e2: hosts.e2, e3: hosts.e3 } });
  try {
    const loadRoute = probe.path.startsWith("/api/engines/")
      ? { method: "POST", path: probe.path, body: JSON.stringify({ loadsTheRoute: true }), status: 400 }
      : { method: "GET", path: "/api/volumes?engine=no-such-engine", status: 404 };
    const res = await fetch(`${fresh.url}${loadRoute.path}`, {
      method: loadRoute.method,
      body: loadRoute.body,
      headers: { Authorization: `Bearer ${fresh.token}`, ...(loadRoute.body ? { "Content-Type": "application/json" } : {}) },
    });
    const text = await res.text();
    assert(res.status === loadRoute.status, `${loadRoute.method} ${loadRoute.path}: ${res.status} ${text.slice(0, 300)}`);
    return await timed(fresh, probe.path, probe.check, `cold ${label}: ${name}`);
  } finally {
    await fresh.stop();
  }
};

/**
 * The floor under any first list, without the console: the calls it makes per engine (GET /volumes,
 * GET /containers/json?all=1 and GET /info for the Swarm role, answers parsed), for one engine or for several at
 * once, from this process.
 */
const rawLists = async (sockets) => {
  const t = performance.now();
  const calls = ["/volumes", "/containers/json?all=1", "/info"];
  await Promise.all(sockets.flatMap((socket) => calls.map((call) => engineJson(socket, "GET", call))));
  return performance.now() - t;
};

const rounded = (o) => JSON.stringify(o, (_, v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v));

await ensureBuild(distDir, process.argv.includes("--build"));
const engines = [];
const held = new Set();
let app;
let hanging;
try {
  for (let i = 1; i <= 3; i++) engines.push(await startEngine({ name: `bench-e${i}` }));
  const t = Date.now();
  await Promise.all(engines.map((e, i) => fillEngine(e, { volumes: VOLUMES, containers: CONTAINERS, prefix: `e${i + 1}` })));
  console.log(`filled 3 engines with ${VOLUMES} volumes and ${CONTAINERS} containers each in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const hosts = { local: engines[0].dockerHost, e2: engines[1].dockerHost, e3: engines[2].dockerHost };
  // "gone": a unix socket with nothing behind it (refuses at once); "hangs": a TCP address that accepts
  // connections and never answers, bounded by the per-engine deadline the first time, then not waited for.
  const deadDir = mkdtempSync("/tmp/vd-bench-dead-");
  hanging = net.createServer((socket) => (held.add(socket), socket.on("error", () => {})));
  await new Promise((r) => hanging.listen(0, "127.0.0.1", r));
  app = await startConsole({
    distDir,
    engine: engines[0],
    engines: { e2: hosts.e2, e3: hosts.e3, gone: `unix://${deadDir}/docker.sock`, hangs: `tcp://127.0.0.1:${hanging.address().port}` },
  });

  const ids = ["local", "e2", "e3"];
  // Warm up: the first request per engine reads it from the engine and starts its event stream (the live index).
  for (const id of ids) await timed(app, single(id).path, single(id).check);
  await new Promise((r) => setTimeout(r, 1500));
  for (let i = 0; i < 3; i++) await timed(app, all(ids, ids).path, () => {});
  // The first request that names a dead engine: nothing known about it yet, so it is asked (and fails or times out).
  const firstDead = {};
  for (const dead of ["gone", "hangs"]) firstDead[dead] = await timed(app, `/api/volumes?engine=${dead}`, () => {});

  const phase1 = await rounds(
    ROUNDS,
    {
      local: single("local"),
      e2: single("e2"),
      e3: single("e3"),
      all3: all(ids, ids),
      "all3+gone": all([...ids, "gone"], ids),
      "all3+hangs": all([...ids, "hangs"], ids),
    },
    warm(app, "three up"),
  );
  const slowest1 = Math.max(phase1.local, phase1.e2, phase1.e3);
  console.log("three engines up (medians, ms):", rounded(phase1));
  const cold1 = await rounds(COLD_ROUNDS, { local: single("local"), e2: single("e2"), e3: single("e3"), all3: all(ids, ids) }, cold(hosts, "three up"));
  const coldSlowest1 = Math.max(cold1.local, cold1.e2, cold1.e3);
  const raw = await rounds(ROUNDS, { local: [engines[0]], e2: [engines[1]], e3: [engines[2]], all3: engines.slice(0, 3) }, (_, list) =>
    rawLists(list.map((e) => e.socket)),
  );
  const rawSlowest = Math.max(raw.local, raw.e2, raw.e3);
  console.log("without the console, the engine calls of a first list (medians, ms):", rounded(raw));
  console.log("three engines up, first list of a fresh console (medians, ms):", rounded(cold1));

  // One of the three really dies: its event stream breaks, the console marks it down.
  await engines[2].stop();
  engines.pop();
  for (let i = 0; i < 100; i++) {
    const b = await (await call(app, "/api/volumes?engine=e3")).json();
    if (b.engines[0].ok === false) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await call(app, single("local").path);
  const phase2 = await rounds(ROUNDS, { local: single("local"), e2: single("e2"), "all3 (e3 stopped)": all(ids, ["local", "e2"]) }, warm(app, "e3 stopped"));
  const slowest2 = Math.max(phase2.local, phase2.e2);
  const cold2 = await rounds(
    COLD_ROUNDS,
    { local: single("local"), e2: single("e2"), "all3 (e3 stopped)": all(ids, ["local", "e2"]) },
    cold(hosts, "e3 stopped"),
  );
  const coldSlowest2 = Math.max(cold2.local, cold2.e2);
  console.log("e3 stopped, first list of a fresh console (medians, ms):", rounded(cold2));

  const rows = [
    ...ids.map((id) => ({ what: `single engine ${id}: GET /api/engines/${id}/volumes`, median: ms(phase1[id]), ratio: "" })),
    { what: "all three: GET /api/volumes (target ≤ 1.1× slowest single)", median: ms(phase1.all3), ratio: ratio(phase1.all3, slowest1) },
    {
      what: "  for scale: the three single lists one after another",
      median: ms(phase1.local + phase1.e2 + phase1.e3),
      ratio: ratio(phase1.local + phase1.e2 + phase1.e3, slowest1),
    },
    { what: "all three + a dead unix socket (target ≤ 1.1×)", median: ms(phase1["all3+gone"]), ratio: ratio(phase1["all3+gone"], slowest1) },
    { what: "all three + an engine that never answers (target ≤ 1.1×)", median: ms(phase1["all3+hangs"]), ratio: ratio(phase1["all3+hangs"], slowest1) },
    ...["local", "e2"].map((id) => ({ what: `after e3 stopped, single engine ${id}`, median: ms(phase2[id]), ratio: "" })),
    {
      what: "all three, e3 stopped (target ≤ 1.1× slowest single)",
      median: ms(phase2["all3 (e3 stopped)"]),
      ratio: ratio(phase2["all3 (e3 stopped)"], slowest2),
    },
    { what: "first request ever to the dead unix socket (cold)", median: ms(firstDead.gone), ratio: "" },
    { what: "first request ever to the engine that never answers (deadline-bound)", median: ms(firstDead.hangs), ratio: "" },
  ];
  const coldRows = [
    ...ids.map((id) => ({ what: `single engine ${id}: first GET /api/engines/${id}/volumes`, median: ms(cold1[id]), ratio: "" })),
    { what: "all three: first GET /api/volumes (target ≤ 1.1× slowest single)", median: ms(cold1.all3), ratio: ratio(cold1.all3, coldSlowest1) },
    {
      what: "  for scale: the three single first lists one after another",
      median: ms(cold1.local + cold1.e2 + cold1.e3),
      ratio: ratio(cold1.local + cold1.e2 + cold1.e3, coldSlowest1),
    },
    { what: "  floor, no console: the engine calls of the slowest engine alone", median: ms(rawSlowest), ratio: "" },
    { what: "  floor, no console: the engine calls of all three at once", median: ms(raw.all3), ratio: ratio(raw.all3, rawSlowest) },
    ...["local", "e2"].map((id) => ({ what: `e3 stopped, single engine ${id}: first list`, median: ms(cold2[id]), ratio: "" })),
    {
      what: "all three, e3 stopped: first GET /api/volumes (target ≤ 1.1×)",
      median: ms(cold2["all3 (e3 stopped)"]),
      ratio: ratio(cold2["all3 (e3 stopped)"], coldSlowest2),
    },
  ];
  console.log(
    'each engine\'s part inside the all-engines answers (server-side medians, ms; key = engines asked:engine, "cold" = first list of a fresh console):',
  );
  console.log(Object.fromEntries(Object.entries(engineMs).map(([k, v]) => [k, median(v)])));
  console.log("what the timed answers were served from (X-Voldeck-Source, or each engine's source in the all-engines answer; times seen):");
  console.log(servedFrom);
  console.log(`\nAll engines, warm (live index): 3 engines × ${VOLUMES} volumes, ${CONTAINERS} containers each; medians of ${ROUNDS} interleaved rounds\n`);
  console.table(rows);
  console.log(`\nAll engines, engine-bound (the first list of a freshly started console, one per measurement); medians of ${COLD_ROUNDS} interleaved rounds\n`);
  console.table(coldRows);
  rmSync(deadDir, { recursive: true, force: true });
} finally {
  await app?.stop();
  for (const socket of held) socket.destroy();
  hanging?.close();
  for (const e of engines) await e.stop();
}
