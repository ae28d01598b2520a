// The volumes list as a finished page (issue 11): URL state, the row menu, bulk removal, prune sparing, sizes
// the engine cannot report, and the page at desktop and phone sizes in both themes.
import type { Locator, Page } from "@playwright/test";
import { ALL_VOLUMES_HREF, engineSectionHref, volumesHref } from "../lib/routes";
import { expect, SHOTS_DIR, test } from "./fixtures";
import { screenshot } from "./support/shots";

test("search, the Show count and the sort live in the URL: reload and Back keep them", async ({ docker, uniqueName, volumesPage, page }) => {
  const prefix = uniqueName("url");
  const small = await docker.createVolume(`${prefix}-small`);
  const big = await docker.createVolume(`${prefix}-big`);
  await docker.run("run", "--rm", "--network", "none", "-v", `${big}:/d`, "voldeck-test/busybox", "sh", "-c", "head -c 2000000 /dev/zero > /d/f");

  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  await volumesPage.showOnly("Unused");
  await volumesPage.sortButton("Size").click();
  await expect(page).toHaveURL(new RegExp(`q=${prefix}.*show=unused.*sort=-size`));
  const sizeHeader = page.getByRole("columnheader", { name: "Size" });
  await expect(sizeHeader).toHaveAttribute("aria-sort", "descending");
  // Largest first, once the sizes are measured.
  await expect(volumesPage.rows.first()).toContainText(big, { timeout: 60_000 });

  const expectKept = async () => {
    await expect(volumesPage.search).toHaveValue(prefix);
    await expect(volumesPage.show.getByRole("button", { name: /Unused$/ })).toHaveAttribute("aria-pressed", "true");
    await expect(sizeHeader).toHaveAttribute("aria-sort", "descending");
    await expect(volumesPage.rows).toHaveCount(2);
  };
  await page.reload();
  await expectKept();

  await volumesPage.link(small).click();
  await expect(page.getByRole("heading", { level: 1, name: small })).toBeVisible();
  await page.goBack();
  await expectKept();
});

test("the row menu works by keyboard; Remove is disabled with the holder named while in use", async ({ docker, uniqueName, volumesPage, page }) => {
  const free = await docker.createVolume(uniqueName("menu-free"));
  const held = await docker.createVolume(uniqueName("menu-held"));
  await docker.createContainer(`${held}-holder`, "-v", `${held}:/data`);

  await volumesPage.goto();
  await volumesPage.search.fill(held);
  // A menu button, collapsed, before it was ever used (the menu itself is made on first use).
  await expect(volumesPage.menuButton(held)).toHaveAttribute("aria-haspopup", "menu");
  await expect(volumesPage.menuButton(held)).toHaveAttribute("aria-expanded", "false");
  await volumesPage.menuButton(held).focus();
  await page.keyboard.press("Enter");
  await expect(volumesPage.menuButton(held)).toHaveAttribute("aria-expanded", "true");
  const remove = page.getByRole("menuitem", { name: /^Remove…/ });
  await expect(remove).toHaveAttribute("aria-disabled", "true");
  await expect(remove).toContainText(`In use by ${held}-holder`);
  await page.keyboard.press("Escape");
  await expect(volumesPage.menuButton(held)).toBeFocused();

  await volumesPage.search.fill(free);
  await volumesPage.menuButton(free).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Back up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(volumesPage.dialog(/Back up/)).toBeVisible();
});

test("bulk remove: confirmation first, then each volume's outcome, the engine's in-use refusal reported on its row", async ({
  docker,
  uniqueName,
  volumesPage,
  page,
  shot,
}) => {
  const prefix = uniqueName("bulk");
  const a = await docker.createVolume(`${prefix}-a`);
  const b = await docker.createVolume(`${prefix}-b`);
  const held = await docker.createVolume(`${prefix}-held`);
  await docker.runSleeper(`${prefix}-holder`, "-v", `${held}:/data`);

  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  await expect(volumesPage.rows).toHaveCount(3);
  await page.getByRole("checkbox", { name: "Select all shown volumes" }).check();
  await page.getByRole("button", { name: "Remove 3…" }).click();
  const dialog = volumesPage.dialog("Remove 3 volumes?");
  await expect(dialog.getByRole("list", { name: "Volumes to remove" })).toContainText(`in use by ${prefix}-holder`);
  expect(await docker.inspectVolume(a)).not.toBeNull(); // nothing before the confirmation
  await dialog.getByRole("button", { name: "Remove 3 volumes" }).click();

  const results = dialog.getByRole("list", { name: "Removal results" });
  await expect(dialog.getByRole("status")).toHaveText("Removed 2 of 3 volumes.");
  await expect(results.getByRole("listitem").filter({ hasText: held })).toContainText(`not removed. Volume "${held}" is in use by ${prefix}-holder`);
  await expect(results.getByRole("listitem").filter({ hasText: a })).toContainText("removed");
  await shot("volumes-bulk-remove");
  await dialog.getByRole("button", { name: "Done" }).click();

  expect(await docker.inspectVolume(a)).toBeNull();
  expect(await docker.inspectVolume(b)).toBeNull();
  expect(await docker.inspectVolume(held)).not.toBeNull();
  await expect(volumesPage.rows).toHaveCount(1);
});

test("prune: a volume unticked in the preview is spared, the rest go", async ({ docker, uniqueName, volumesPage }) => {
  const gone = await docker.createVolume(uniqueName("prune-go"));
  const spared = await docker.createVolume(uniqueName("prune-spare"));

  await volumesPage.goto();
  const prune = await volumesPage.openPrune();
  await prune.allUnused.check();
  await prune.previewButton.click();
  await expect(prune.previewRow(spared)).toBeVisible();
  const count = await prune.previewRows.count();
  await prune.root.getByRole("checkbox", { name: `Remove ${spared}`, exact: true }).uncheck();
  await expect(prune.status).toContainText(`${count - 1} unused volume`);
  await expect(prune.status).toContainText("1 spared");
  await prune.continueButton.click();
  await prune.root.getByRole("button", { name: /^Remove \d+ volumes?$/ }).click();
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: gone })).toHaveText(gone);
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: spared })).toHaveCount(0);

  expect(await docker.inspectVolume(gone)).toBeNull();
  expect(await docker.inspectVolume(spared)).not.toBeNull();
});

test("a volume with tmpfs options shows n/a, not measuring… for ever, and sorts last by size", async ({ docker, uniqueName, volumesPage, page }) => {
  const prefix = uniqueName("na");
  const tmpfs = docker.trackVolume(`${prefix}-tmpfs`);
  await docker.run("volume", "create", "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=1m", tmpfs);
  const plain = await docker.createVolume(`${prefix}-plain`);

  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  // One measuring cycle (at most a minute) decides it.
  await expect(
    volumesPage
      .row(tmpfs)
      .getByRole("cell")
      .filter({ hasText: /^(n\/a|measuring…)$/ }),
  ).toHaveText("n/a", { timeout: 75_000 });
  await expect(volumesPage.row(plain)).not.toContainText("measuring…", { timeout: 75_000 });
  for (const dir of ["descending", "ascending"]) {
    if ((await page.getByRole("columnheader", { name: "Size" }).getAttribute("aria-sort")) !== dir) await volumesPage.sortButton("Size").click();
    await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", dir);
    await expect(volumesPage.rows.last()).toContainText(tmpfs);
  }
});

test("at 1440 px the Last used column shows its whole text and the Size header ends where the sizes do", async ({ docker, uniqueName, volumesPage, page }) => {
  const prefix = uniqueName("fit");
  const idle = await docker.createVolume(`${prefix}-idle`);
  const used = await docker.createVolume(`${prefix}-used`);
  await docker.runSleeper(`${prefix}-app`, "-v", `${used}:/data`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  await expect(volumesPage.row(used)).toContainText(`in use now by ${prefix}-app`);

  const headers = (await page.getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const cell = (name: string, header: string) => volumesPage.row(name).getByRole("cell").nth(headers.indexOf(header));
  for (const name of [idle, used]) {
    // A truncated cell is wider inside than its box.
    await expect.poll(() => cell(name, "Last used").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await expect(cell(idle, "Last used")).toContainText("not seen in use");

  const textRight = (l: Locator) =>
    l.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().right;
    });
  const headerRight = await textRight(page.getByRole("columnheader", { name: "Size" }).getByText("Size", { exact: true }));
  expect(Math.abs(headerRight - (await textRight(cell(used, "Size"))))).toBeLessThanOrEqual(1.5);
});

test("the list pages' titles look the same (one PageHeader)", async ({ page }) => {
  const looks: string[] = [];
  for (const path of [volumesHref("local"), ALL_VOLUMES_HREF, engineSectionHref("local", "containers"), engineSectionHref("local", "services")]) {
    await page.goto(path);
    const title = page.getByRole("heading", { level: 1 });
    await expect(title).toBeVisible();
    const look = await title.evaluate((el) => ["fontSize", "fontWeight", "letterSpacing", "color"].map((k) => getComputedStyle(el)[k as "color"]).join(" "));
    looks.push(`${path}: ${look}`);
  }
  const first = looks[0].split(": ")[1];
  expect(looks).toEqual(looks.map((l) => `${l.split(": ")[0]}: ${first}`));
});

async function checkLayout(page: Page, name: string) {
  // No sideways page scroll (axe scans these pages in e2e/design/every-page.spec.ts). Polled: after a viewport change the list swaps
  // table and cards when React re-renders, which on a busy machine comes a moment after the first read.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, { path: `${SHOTS_DIR}/${name}.png` });
}

for (const scheme of ["light", "dark"] as const) {
  test(`volumes list at 1440×900 and 390×844 (${scheme}): no sideways scroll, checkboxes in the theme's colours`, async ({
    docker,
    uniqueName,
    volumesPage,
    page,
  }) => {
    // Four layouts on a busy two-core machine with the engine full of other tests' volumes.
    test.setTimeout(90_000);
    const prefix = uniqueName("look");
    await docker.createVolume(`${prefix}-app_db`, { "com.docker.compose.project": `${prefix}-app`, "com.example.team": "storage", tier: "gold" });
    await docker.createVolume(`${prefix}-cache`);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await volumesPage.goto();
    await expect(volumesPage.rows.first()).toBeVisible();
    await checkLayout(page, `volumes-1440-${scheme}`);
    // Checkboxes in the theme's colours (the browser's own are grey in dark mode): the table's surface, the accent once ticked.
    const rowBox = page.getByRole("checkbox", { name: `Select ${prefix}-cache` });
    const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    const tableBackground = await page.getByRole("table", { name: "Volumes" }).evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    expect(await background(rowBox)).toBe(tableBackground);
    await rowBox.check();
    expect(await background(rowBox)).toBe(await background(page.getByRole("button", { name: "Create volume" })));
    await rowBox.uncheck();

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(volumesPage.rows.first()).toBeVisible();
    await checkLayout(page, `volumes-390-${scheme}`);
    // The cards' boxes stand in one column with the header's select-all box, clear of the card's edge.
    const allBox = (await page.getByRole("checkbox", { name: "Select all shown volumes" }).boundingBox())!;
    const cardBox = (await rowBox.boundingBox())!;
    const tableLeft = (await page.getByRole("table", { name: "Volumes" }).boundingBox())!.x;
    expect(Math.abs(cardBox.x - allBox.x)).toBeLessThanOrEqual(1);
    expect(cardBox.x - tableLeft).toBeGreaterThanOrEqual(8);
    await volumesPage.page.goto("/volumes");
    await expect(page.getByRole("heading", { level: 1, name: "Volumes on all engines" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Volumes of every engine" }).getByRole("row").nth(1)).toBeVisible();
    await checkLayout(page, `all-volumes-390-${scheme}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await checkLayout(page, `all-volumes-1440-${scheme}`);
  });
}
