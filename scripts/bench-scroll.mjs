// `npm run bench:scroll`: the volumes list with 5,000 volumes (BENCH_VOLUMES) on a private engine, in Chromium:
// how soon the first rows show once the list's data has arrived, and the frame times (requestAnimationFrame
// deltas) while the page is scrolled at fling speed, top to bottom and back. Issue 11's goals: 95th-percentile
// frame ≤ 25 ms, first rows ≤ 1 s after the data. Starts its own engine and console (VOLDECK_DIST_DIR, default
// .next-bench, built when empty; `-- --build` builds again); prints a table.
import { launchChromium, signedInContext } from "./bench/browser.mjs";
import { ensureBuild, startConsole } from "./bench/harness.mjs";
import { fillEngine, startEngine } from "./test-engine.mjs";

const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 5000);
const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 500);
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const ROW = '[role="table"][aria-label="Volumes"] [role="rowgroup"] a';
const ms = (x) => `${x.toFixed(1)} ms`;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function measure(app) {
  const browser = await launchChromium();
  const context = await signedInContext(browser, app, { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((row) => {
    const poll = () => (document.querySelector(row) ? (window.__firstRow = performance.now()) : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  }, ROW);
  await page.goto("/engines/local/volumes");
  await page.locator(ROW).first().waitFor();
  // The first screen of rows comes with the page; the fling needs the whole list (40 px a row) behind it.
  await page.waitForFunction((n) => document.documentElement.scrollHeight > n * 20, VOLUMES, { timeout: 60_000 });
  const first = await page.evaluate(() => {
    const res = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/api/engines/local/volumes"));
    return { firstRow: window.__firstRow, responseEnd: res?.responseEnd ?? NaN };
  });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);

  // rAF deltas recorded in the page while the mouse wheel flings: 40 px per ms (about 40,000 px/s, a hard fling),
  // one wheel event per 16 ms frame, from the top to the bottom and back.
  const frames = async (during) => {
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        window.__loop = requestAnimationFrame(tick);
      };
      window.__loop = requestAnimationFrame(tick);
    });
    await during();
    return page.evaluate(() => (cancelAnimationFrame(window.__loop), window.__frames.slice(1)));
  };
  const idle = await frames(() => page.waitForTimeout(1500));
  const step = 640;
  const fling = await frames(async () => {
    for (const dir of [1, -1]) {
      for (let y = 0; y < height; y += step) {
        await page.mouse.wheel(0, dir * step);
        await page.waitForTimeout(16);
      }
    }
  });
  // A flung list draws its rows again once the scroll stops (components/ui/DataTableVirtualRows.tsx).
  await page.locator(ROW).first().waitFor();
  const rowsShown = await page.locator(ROW).count();
  await browser.close();
  return { first, height, idle, fling, rowsShown };
}

await ensureBuild(distDir, process.argv.includes("--build"));
const engine = await startEngine({ name: "bench-scroll" });
let app;
try {
  await fillEngine(engine, { volumes: VOLUMES, containers: CONTAINERS });
  app = await startConsole({ distDir, engine });
  const r = await measure(app);
  console.log(`\nScrolling the volumes list: ${VOLUMES} volumes, ${CONTAINERS} containers; page ${r.height} px high\n`);
  console.table([
    // The first screen of rows comes with the page, usually before the whole list's request ends (then negative).
    { what: "first rows after the whole list arrived (goal ≤ 1 s)", value: ms(r.first.firstRow - r.first.responseEnd) },
    {
      what: "fling scroll: 95th-percentile frame (goal ≤ 25 ms)",
      value: ms(pct(r.fling, 0.95)),
      note: `${r.fling.length} frames; longest ${ms(Math.max(...r.fling))}`,
    },
    { what: "fling scroll: median frame", value: ms(pct(r.fling, 0.5)) },
    { what: "idle page: 95th-percentile frame (baseline)", value: ms(pct(r.idle, 0.95)) },
    { what: "rows in the DOM once the fling stopped (virtualised)", value: String(r.rowsShown) },
  ]);
} finally {
  await app?.stop();
  await engine.stop();
}
