// `npm run bench:scale`: the volumes list with 5,000 volumes and 1,000 containers, measured side by side
// with the two raw engine calls any client needs, plus the browser (first rows, scrolling, search, a burst
// of 1,000 creations) and the server's memory. Starts its own private engine and console; prints ratios.
// BENCH_VOLUMES (default 5000), BENCH_CONTAINERS (default 1000). The console runs from VOLDECK_DIST_DIR (default
// .next-bench), built when it holds no build yet (`-- --build` builds it again).
import { readFileSync } from "node:fs";
import { launchChromium, signedInContext } from "./bench/browser.mjs";
import { ensureBuild, median, startConsole } from "./bench/harness.mjs";
import { engineJson, fillEngine, inParallel, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 5000);
const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 1000);
const ROUNDS = 15;
const FIRST_AFTER_MS = Number(process.env.BENCH_FIRST_AFTER_MS ?? 3000);
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const ms = (x) => `${x.toFixed(1)} ms`;
// The Long Tasks API reports only tasks over 50 ms: nothing reported means none was that long.
const longTask = (x) => (x > 0 ? ms(x) : "none > 50 ms");
const rows = [];
const report = (what, value, baseline, note = "") =>
  rows.push({
    what,
    value,
    baseline,
    ratio: baseline && Number.isFinite(parseFloat(value)) ? (parseFloat(value) / parseFloat(baseline)).toFixed(2) + "×" : "",
    note,
  });

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function benchApi(engine, app) {
  const auth = { Authorization: `Bearer ${app.env.VOLDECK_API_TOKEN}` };
  let source = "";
  const ours = async () => {
    const t = performance.now();
    const res = await fetch(`${app.url}/api/engines/local/volumes`, { headers: auth });
    source = res.headers.get("x-voldeck-source") ?? "?";
    const body = await res.json();
    if (body.volumes.length < VOLUMES) throw new Error(`the API listed ${body.volumes.length} volumes`);
    return performance.now() - t;
  };
  const raw = async () => {
    const t = performance.now();
    await Promise.all([engineJson(engine.socket, "GET", "/volumes"), engineJson(engine.socket, "GET", "/containers/json?all=1")]);
    return performance.now() - t;
  };
  // A person opening the list a few seconds after a start: the console reads each engine's list at start
  // (lib/docker/warm-start.ts), so this first request should find the index following the engine.
  await new Promise((r) => setTimeout(r, FIRST_AFTER_MS));
  const first = await ours();
  const firstSource = source;
  await new Promise((r) => setTimeout(r, 1000)); // the event stream is up; the index serves from now on
  const a = [],
    b = [];
  for (let i = 0; i < ROUNDS; i++) {
    b.push(await raw());
    a.push(await ours());
  }
  report("list API, median of 15 (target ≤ 1.0×)", ms(median(a)), ms(median(b)), "baseline: GET /volumes + GET /containers/json?all=1");
  report(`list API, first request ${FIRST_AFTER_MS / 1000} s after a start (target ≤ 1.5×)`, ms(first), ms(median(b)), `answered from: ${firstSource}`);
  report("server RSS with everything indexed (target < 250 MB)", `${rssMb(app.child.pid).toFixed(0)} MB`, "");
}

async function benchBrowser(engine, app) {
  const browser = await launchChromium();
  const context = await signedInContext(browser, app, { viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // Records when the first row appears and the longest main-thread task, from the page itself.
  await page.addInitScript(() => {
    const w = window;
    w.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({
      type: "longtask",
      buffered: true,
    });
    const poll = () =>
      document.querySelector('[role="table"][aria-label="Volumes"] [role="rowgroup"] a') ? (w.__firstRow = performance.now()) : requestAnimationFrame(poll);
    requestAnimationFrame(poll);
  });
  await page.goto("/engines/local/volumes");
  await page.locator('[role="table"][aria-label="Volumes"] [role="rowgroup"] a').first().waitFor();
  // The first screen of rows usually comes with the page's HTML (the index is warm); else from the list API.
  const t = await page.evaluate(() => {
    const res = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/api/engines/local/volumes"));
    const arrived = res && res.responseEnd < window.__firstRow ? res : performance.getEntriesByType("navigation")[0];
    return { firstRow: window.__firstRow, responseEnd: arrived.responseEnd, from: arrived === res ? "the list API" : "the page's HTML" };
  });
  report("first rows after navigation", ms(t.firstRow), "");
  report("first rows after the data arrived (target < 1 s)", ms(t.firstRow - t.responseEnd), "1000 ms", `the data came with ${t.from}`);
  const longest = () =>
    page.evaluate(() => {
      const v = window.__longest;
      window.__longest = 0;
      return v;
    });
  await longest();

  // Frame times measured in the page, idle first (headless Chromium's own frame pacing: the baseline), then
  // while scrolling: the 95th percentiles side by side say whether scrolling costs frames.
  const frameTimes = async (during) => {
    await page.evaluate(() => {
      const w = window;
      w.__frames = [];
      let last = performance.now();
      const tick = (t) => {
        w.__frames.push(t - last);
        last = t;
        w.__frameLoop = requestAnimationFrame(tick);
      };
      w.__frameLoop = requestAnimationFrame(tick);
    });
    await during();
    const frames = await page.evaluate(() => (cancelAnimationFrame(window.__frameLoop), window.__frames.slice(1)));
    return { p95: [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)], max: Math.max(...frames), n: frames.length };
  };
  const idle = await frameTimes(() => page.waitForTimeout(1500));
  const scrolling = await frameTimes(async () => {
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(50);
    }
  });
  report("scrolling 60,000 px: 95th percentile frame time", ms(scrolling.p95), ms(idle.p95), `baseline: the same page idle; longest ${ms(scrolling.max)}`);
  await longest();

  const search = page.getByLabel("Search");
  const ts = performance.now();
  await search.pressSequentially("scale-v0012", { delay: 30 });
  await page.getByText(/^10 of /).waitFor();
  report(
    "search typed char by char: longest main-thread task",
    longTask(await longest()),
    "50 ms",
    `filtered in ${ms(performance.now() - ts - 11 * 30)} after typing`,
  );
  await search.fill("");

  const tb = performance.now();
  await inParallel(1000, 32, (i) => engineJson(engine.socket, "POST", "/volumes/create", { Name: `burst-${String(i).padStart(4, "0")}` }));
  await page.getByText(new RegExp(`^${VOLUMES + 1000} volumes`)).waitFor({ timeout: 60_000 });
  report("burst of 1,000 creations: all shown after", ms(performance.now() - tb), "");
  report("burst of 1,000 creations: longest main-thread task", longTask(await longest()), "50 ms");
  await browser.close();
}

await ensureBuild(distDir, process.argv.includes("--build"));
const engine = await startEngine({ name: "bench" });
let app;
try {
  const t = Date.now();
  await fillEngine(engine, { volumes: VOLUMES, containers: CONTAINERS });
  console.log(`filled ${VOLUMES} volumes and ${CONTAINERS} containers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  app = await startConsole({ distDir, engine });
  await benchApi(engine, app);
  await benchBrowser(engine, app);
  console.log(`\nVoldeck at scale: ${VOLUMES} volumes, ${CONTAINERS} containers (created, not started)\n`);
  console.table(rows);
} finally {
  await app?.stop();
  await engine.stop();
}
