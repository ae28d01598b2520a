// `npm run bench:first-row`: navigation → first row of the volumes list in Chromium, 5,000 volumes (BENCH_VOLUMES)
// on a private engine (issue 16's goal: ≤ 600 ms). Several builds can be compared in one run, side by side on the
// same engine, rounds interleaved (BENCH_DIST_DIRS=".next-before,.next-bench"; default VOLDECK_DIST_DIR or
// .next-bench, built when empty). Each round loads the page once in a tab that showed it before and once in a new
// tab, and both are shown. BENCH_NO_SCRIPTS=1 loads the page with scripts off (first paint only). Also says when
// the page asked for the list (before or after the first row) and how big the page's HTML was, since a list
// handed over with the page makes the page larger.
import http from "node:http";
import { launchChromium, signedInContext } from "./bench/browser.mjs";
import { ensureBuild, median, startConsole } from "./bench/harness.mjs";
import { fillEngine, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 5000);
const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const dists = (process.env.BENCH_DIST_DIRS || process.env.VOLDECK_DIST_DIR || ".next-bench").split(",");
const ROW = '[role="table"][aria-label="Volumes"] [role="rowgroup"] a';
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "—");

async function browserFor(app) {
  const browser = await launchChromium();
  // BENCH_NO_SCRIPTS=1: the page without its scripts (no hydration), to see how much of the first paint they cost.
  const javaScriptEnabled = !process.env.BENCH_NO_SCRIPTS;
  const context = await signedInContext(browser, app, { viewport: { width: 1440, height: 900 }, javaScriptEnabled });
  // The page hands its rows over only once the list answers within its time (lib/backup/volume-list-answer.ts);
  // just after the fill it may not yet. Up to 30 s for that; a build without the hand-over never does, and is
  // measured as it is.
  for (let tries = 0; tries < 30 && !(await (await context.request.get("/engines/local/volumes")).text()).includes("scale-v00000"); tries++) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  await context.addInitScript((row) => {
    const poll = () => (document.querySelector(row) ? (window.__firstRow = performance.now()) : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  }, ROW);
  return { browser, context };
}

/**
 * One fresh page load (the browser's cache warm, as for anyone who used the console before): in `tab`, a tab
 * that showed the page before (reload, a typed address or a bookmark there; the tab is left for about:blank after
 * each load, so nothing of the last page is reused), else in a new tab (opening a tab costs this headless
 * Chromium its own work: a renderer process, its tab strip's pages, on the same two cores as the console).
 */
async function navigate(context, tab) {
  const page = tab ?? (await context.newPage());
  const res = await page.goto("/engines/local/volumes");
  await page.locator(ROW).first().waitFor();
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const list = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/api/engines/local/volumes"));
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      firstRow: window.__firstRow,
      listStart: list?.startTime ?? NaN,
      htmlStart: nav.responseStart,
      htmlEnd: nav.responseEnd,
      // Where the time between the HTML and the first row goes: the first paint, and DOMContentLoaded (the parser
      // done; Next's async chunks and hydration may come later).
      firstPaint: fcp?.startTime ?? NaN,
      scriptsDone: nav.domContentLoadedEventEnd,
    };
  });
  const html = await res.body();
  // Left at once either way: a page left loading would take the two cores from the next load.
  await (tab ? page.goto("about:blank") : page.close());
  return { ...r, htmlBytes: html.length, rowsInHtml: html.includes("scale-v00000") };
}

/**
 * The browser's own floor: the first paint of a one-line page from a bare server, loaded the same way in a
 * context of its own (side by side with the console's pages, in the same rounds).
 */
async function floorPage() {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>floor</title><p>one row</p>"));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const paint = async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    // The same event as the console's figure (first-contentful-paint), waited for up to 10 s.
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 10_000 });
    const t = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime);
    await page.close();
    return t;
  };
  return { paint, close: async () => (await browser.close(), server.close()) };
}

for (const d of dists) await ensureBuild(d, process.argv.includes("--build"));
const engine = await startEngine({ name: "bench-first-row" });
const apps = [];
let floor;
try {
  await fillEngine(engine, { volumes: VOLUMES, containers: CONTAINERS });
  for (const distDir of dists) apps.push({ distDir, app: await startConsole({ distDir, engine }), runs: [], newTabRuns: [] });
  // The console warms its lists at start (lib/docker/warm-start.ts); a person arrives a little later.
  await new Promise((r) => setTimeout(r, 5000));
  for (const a of apps) Object.assign(a, await browserFor(a.app));
  floor = await floorPage();
  const floorPaints = [];
  for (let i = 0; i <= ROUNDS; i++) {
    for (const a of apps) {
      a.tab ??= await a.context.newPage();
      const inTab = await navigate(a.context, a.tab);
      const newTab = await navigate(a.context);
      // Round 0 fills the browser's cache.
      if (i > 0) {
        a.runs.push(inTab);
        a.newTabRuns.push(newTab);
      }
    }
    const t = await floor.paint();
    if (i > 0) floorPaints.push(t);
  }
  console.log(`\nNavigation → first row: ${VOLUMES} volumes, ${CONTAINERS} containers, median of ${ROUNDS} interleaved loads\n`);
  console.table(
    apps
      .flatMap((a) => [
        { load: `${a.distDir}, in a tab`, runs: a.runs },
        { load: `${a.distDir}, new tab`, runs: a.newTabRuns },
      ])
      .map(({ load, runs }) => ({
        load,
        "first row (goal ≤ 600 ms)": ms(median(runs.map((r) => r.firstRow))),
        "fastest–slowest": `${ms(Math.min(...runs.map((r) => r.firstRow)))}–${ms(Math.max(...runs.map((r) => r.firstRow)))}`,
        // NaN (—): not asked for before the first row showed
        "list asked for at": ms(median(runs.map((r) => r.listStart))),
        "HTML first byte / last byte": `${ms(median(runs.map((r) => r.htmlStart)))} / ${ms(median(runs.map((r) => r.htmlEnd)))}`,
        "first paint": ms(median(runs.map((r) => r.firstPaint))),
        "DOMContentLoaded done": ms(median(runs.map((r) => r.scriptsDone))),
        "page HTML": `${(runs[0].htmlBytes / 1e6).toFixed(2)} MB${runs[0].rowsInHtml ? ", rows in it" : ""}`,
      })),
  );
  console.log(`The browser's floor, a one-line page from a bare server (same rounds): first paint ${ms(median(floorPaints))}`);
} finally {
  await floor?.close();
  for (const a of apps) {
    await a.browser?.close();
    await a.app.stop();
  }
  await engine.stop();
}
