import type { Route } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ADMIN_STATE } from "./global-setup";
import { VolumesPage } from "./pages/VolumesPage";
import { TEST_IMAGE } from "./support/docker";

// Issue 16: the first screen of the list comes with the page when the console's live index holds the engine, so
// the first rows do not wait for the page's scripts and then its own request. Here that request is held (never
// answered) while the rows must already show, filtered as the URL says; released, the list stays live as before,
// and the rows stay where they were (at a desktop's and a phone's width).
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])
  test(`the volumes list comes with the page: its rows show while the list request is held, then stay live and in place (${viewport.width} px)`, async ({
    docker,
    uniqueName,
    volumesPage,
    page,
  }) => {
    await page.setViewportSize(viewport);
    const prefix = uniqueName("with-page");
    const [first, later] = [`${prefix}-first`, `${prefix}-later`];
    const other = uniqueName("not-matching");
    await docker.createVolume(first);
    await docker.createVolume(other);
    // The console hands the list over once its index follows the engine and has read both volumes in (and a
    // periodic re-read in flight may take longer than a page waits): until then the page asks for it itself.
    const handedOver = async (name: string) => (await (await page.request.get(`${volumesPage.path}?q=${name}`)).text()).includes(`Actions for volume ${name}`);
    await expect.poll(async () => (await handedOver(first)) && (await handedOver(other)), { timeout: 30_000 }).toBe(true);

    const held: Route[] = [];
    const listUrl = "**/api/engines/local/volumes";
    await page.route(listUrl, (route) => void held.push(route));
    // Loaded until its HTML carries the rows (the poll above says it will soon; the browser's own request is held
    // here), and then they must show with the request still held. The search matches the first and the later
    // volume, not the other.
    await volumesPage.gotoUntilHandedOver(prefix, first);
    await expect(volumesPage.row(first)).toBeVisible();
    await expect(volumesPage.rows).toHaveCount(1); // the URL's search applies to the rows that came with the page
    const overview = page.getByRole("group", { name: "Show" });
    await expect(overview.getByRole("button", { name: /Total$/ })).toHaveText(/^…/); // counted once the whole list comes
    const rowTop = async () => (await volumesPage.row(first).boundingBox())?.y;
    const before = await rowTop();

    await page.unroute(listUrl);
    // A held request the page has since given up on (a refetch replaced it) is already settled: nothing to release.
    await Promise.all(held.map((route) => route.continue().catch(() => {})));
    await volumesPage.waitLive();
    // The whole list's counts fill the card that was drawn with the first rows: the rows did not move (a row that
    // moves between a pointer's press and release loses the click; CI once lost one so).
    await expect(overview.getByRole("button", { name: /Total$/ })).toHaveText(/^\d/);
    expect(before).toBeDefined();
    expect(await rowTop()).toBe(before);
    await docker.createVolume(later);
    await expect(volumesPage.row(later)).toBeVisible();
    await expect(volumesPage.rows).toHaveCount(2);
  });

// The rows that come with the page are drawn before the table knows its width (that is measured once the page's
// scripts run): every column, no cards yet. They must not widen a phone's page meanwhile (a loaded CI machine
// showed a 1,317 px wide page at 390 px before the scripts had run), and when the scripts turn them into cards the
// rows must not move (CI once measured a row 8 px lower after that: a click in flight is lost so). The page is
// loaded with scripts off, so that moment stays, and then with them on. Four volumes hold data, so the counted
// card names more largest volumes than a phone's line holds (they once wrapped to a second line).
test("the rows that come with the page neither widen a phone's page before its scripts run nor move when they run", async ({ browser, docker, uniqueName }) => {
  test.setTimeout(120_000); // the engine's sizes are measured at most a minute apart
  const name = uniqueName("with-page-phone");
  await docker.createVolume(name);
  const filled = [1, 2, 3, 4].map((i) => docker.trackVolume(uniqueName(`with-page-phone-largest-${i}`)));
  const mounts = filled.flatMap((v, i) => ["-v", `${v}:/v${i}`]);
  await docker.run("run", "--rm", "--network", "none", ...mounts, TEST_IMAGE, "sh", "-c", "for d in /v*; do head -c 2000000 /dev/zero > $d/data; done");
  const rowTops: number[] = [];
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ storageState: ADMIN_STATE, javaScriptEnabled, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const volumesPage = new VolumesPage(page);
      // A page comes with its rows only when the list answered within 300 ms on the server; on a loaded machine a
      // load may come without them (the scripts would then ask): load again until one came with them.
      const withRows = async () => {
        await page.goto(`${volumesPage.path}?q=${name}`);
        return page.getByRole("link", { name, exact: true }).isVisible();
      };
      await expect.poll(withRows, { timeout: 30_000 }).toBe(true);
      if (javaScriptEnabled) {
        // The scripts ran: the rows are cards (sorted by a list) and the whole list is counted.
        await expect(page.getByRole("combobox", { name: "Sort by" })).toBeVisible();
        await expect(page.getByRole("group", { name: "Show" }).getByRole("button", { name: /Total$/ })).toHaveText(/^\d/);
        await expect(page.getByRole("list", { name: "Largest volumes" }).getByRole("listitem")).toHaveCount(4, { timeout: 90_000 });
      } else {
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      }
      const box = await volumesPage.row(name).boundingBox();
      expect(box).not.toBeNull();
      rowTops.push(box!.y);
    } finally {
      await context.close();
    }
  }
  expect(rowTops[1]).toBe(rowTops[0]);
});
