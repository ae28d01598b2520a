// A list flung faster than 8,000 px/s draws only its row lines, and its rows again where the scroll stops
// (components/ui/DataTableVirtualRows.tsx): a fling through thousands of volumes keeps its frames (bench:scroll).
import { expect, test } from "./fixtures";

test("a flung volumes list draws no rows while flung, then the rows where it stops", async ({ page, docker, uniqueName, volumesPage }) => {
  // 200 volumes made and removed: on a loaded machine that alone once took more than a minute.
  test.setTimeout(180_000);
  const prefix = uniqueName("fling");
  // Over 150 rows: the table draws only the rows near the viewport (virtual rows).
  const names = Array.from({ length: 200 }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  await docker.createVolumes(names);
  const [first, last] = [names[0], names.at(-1)!];

  await page.setViewportSize({ width: 1440, height: 900 });
  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  await expect(volumesPage.row(first)).toBeVisible();
  const body = page.getByRole("table", { name: "Volumes" }).getByRole("rowgroup").nth(1);
  // The console's list follows the engine's events: wait until it holds all 200 (40 px a row).
  await expect.poll(async () => (await body.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(200 * 40);
  await expect(volumesPage.row(last)).toHaveCount(0);

  // Records, inside the page, whether the row group was ever left without rows.
  await body.evaluate((group) => {
    const w = window as unknown as { __blank: boolean };
    w.__blank = false;
    new MutationObserver(() => {
      if (!group.querySelector('[role="row"]')) w.__blank = true;
    }).observe(group, { childList: true });
  });
  await page.mouse.move(720, 600);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, 3_000);
    await page.waitForTimeout(16);
  }
  expect(await page.evaluate(() => (window as unknown as { __blank: boolean }).__blank)).toBe(true);

  // Stopped at the end of the list: its last rows are drawn, and the first are gone.
  await expect(volumesPage.row(last)).toBeInViewport();
  await expect(volumesPage.row(first)).toHaveCount(0);
  await expect(body.getByRole("row").first()).toBeVisible();
});
