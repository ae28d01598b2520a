// Issue 11, the console's frame: the desktop sidebar collapses to icons (remembered, and applied before the
// first paint by the inline theme script, so it does not open and shut on every load), and pages that span all
// engines say "All engines" in the switcher instead of "choose…" or an engine that is not theirs.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const VOLUMES = "/engines/local/volumes";
const SIDEBAR_KEY = "voldeck-sidebar";

const sections = (page: Page) => page.getByRole("navigation", { name: "Sections" });
/** The visible text of a section link (in a collapsed sidebar it stays only as the link's accessible name). */
const labelOf = (link: Locator, label: string) => link.getByText(label, { exact: true });
const widthOf = async (l: Locator) => (await l.boundingBox())?.width ?? 0;

test("the sidebar collapses to named icons, stays collapsed across a reload without a flash, and expands again", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(VOLUMES);
  const nav = sections(page);
  const backups = nav.getByRole("link", { name: "Backups", exact: true });
  await expect(backups).toBeVisible();
  expect(await widthOf(labelOf(backups, "Backups"))).toBeGreaterThan(20);
  const wideNav = await widthOf(nav);

  const collapse = page.getByRole("button", { name: "Collapse sidebar" });
  await expect(collapse).toHaveAttribute("aria-expanded", "true");
  await collapse.click();
  await expect(page.locator("html")).toHaveAttribute("data-sidebar", "collapsed");
  expect(await page.evaluate((key) => localStorage.getItem(key), SIDEBAR_KEY)).toBe("collapsed");
  const expand = page.getByRole("button", { name: "Expand sidebar" });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  // Icons only: the labels are out of sight (visually hidden, 1 px), the sidebar is narrow…
  await expect.poll(() => widthOf(labelOf(backups, "Backups"))).toBeLessThanOrEqual(1);
  await expect.poll(() => widthOf(nav)).toBeLessThan(wideNav / 2);
  // …and every link is still there, named, with its label as tooltip, and reachable by keyboard.
  for (const name of ["Volumes", "Containers & mounts", "Backups", "Schedules", "Engines", "Users"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("title", name);
  }
  await backups.focus();
  await expect(backups).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/backups$/);
  await expect(page.locator("html")).toHaveAttribute("data-sidebar", "collapsed");

  // Records <html data-sidebar> at the moment <body> starts: the inline script must have applied it by then.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { __sidebarAtBody: string }).__sidebarAtBody = document.documentElement.dataset.sidebar ?? "(none)";
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __sidebarAtBody?: string }).__sidebarAtBody)).toBe("collapsed");
  await expect(expand).toBeVisible();
  expect(await widthOf(labelOf(backups, "Backups"))).toBeLessThanOrEqual(1);

  await expand.click();
  await expect(page.locator("html")).not.toHaveAttribute("data-sidebar", /./);
  expect(await page.evaluate((key) => localStorage.getItem(key), SIDEBAR_KEY)).toBeNull();
  await expect(collapse).toHaveAttribute("aria-expanded", "true");
  await expect.poll(() => widthOf(labelOf(backups, "Backups"))).toBeGreaterThan(20);
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __sidebarAtBody?: string }).__sidebarAtBody)).toBe("(none)");
  await expect(collapse).toBeVisible();
});

for (const path of ["/backups", "/schedules", "/admin/engines", "/admin/users"]) {
  test(`${path} spans all engines: the switcher says "All engines", never "choose…" or one engine`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const switcher = page.getByRole("banner").getByRole("button", { name: /^Engine / });
    await expect(switcher).toHaveAccessibleName("Engine All engines");
    await expect(switcher).not.toContainText(/choose/i);
    await switcher.click();
    const list = page.getByRole("menu", { name: /^Engine / });
    // The engines are listed (local at least), and the one chosen is "All engines", not one of them.
    await expect(list.getByRole("menuitemradio", { name: /^local\b/ })).toBeVisible();
    const chosen = list.getByRole("menuitemradio", { checked: true });
    await expect(chosen).toHaveCount(1);
    await expect(chosen).toHaveAccessibleName("All engines");
    await page.keyboard.press("Escape");
    await expect(list).toHaveCount(0);
    await expect(switcher).toHaveAccessibleName("Engine All engines");
  });
}
