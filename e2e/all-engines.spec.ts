// The engine switcher in the header, and the all-engines view: rows of several engines, the down engine
// marked with its reason, and recovery without a reload once that engine runs.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DockerCli } from "./support/docker";
import { spareDockerHost, startSpareEngine, type TestEngine } from "./support/spare-engine";
import { screenshot } from "./support/shots";

const ALL_SHOTS = "/tmp";

function engineHost(variable: string): string {
  const socket = process.env[variable];
  if (!socket) throw new Error(`${variable} is not set: run through scripts/run-tests.mjs`);
  return `unix://${socket}`;
}

// A menu button (Radix dropdown menu): the button says the engine shown, its menu lists the engines as radio items.
const switcher = (page: Page) => page.getByRole("banner").getByRole("button", { name: /^Engine / });
const engineMenu = (page: Page) => page.getByRole("menu", { name: /^Engine / });
const option = (page: Page, name: string | RegExp) => engineMenu(page).getByRole("menuitemradio", { name });
/**
 * Waits until the open menu holds the focus (the menu or one of its items). Radix moves it there a frame after
 * the menu shows; a key typed before that reaches the button, not the menu (a loaded CI run lost an "l" so).
 */
const menuFocused = (page: Page) => expect.poll(() => engineMenu(page).evaluate((menu) => menu.contains(document.activeElement))).toBe(true);
/** A row of the all-engines table, by engine and volume name. */
const allRow = (page: Page, engine: string, name: string): Locator =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: engine, exact: true }) });
const strip = (page: Page, engine: string) =>
  page
    .getByRole("list", { name: "Engines" })
    .getByRole("listitem")
    .filter({ hasText: new RegExp(`^${engine}`) });

test.describe("engine switcher", () => {
  const peer = new DockerCli(engineHost("VOLDECK_PEER_SOCKET"));
  test.afterAll(() => peer.cleanup());

  test("switches to another engine's volumes, by mouse and by keyboard, keeping the section", async ({ page, docker, uniqueName }) => {
    test.setTimeout(90_000); // a dozen page loads and menu steps on a busy machine
    const onLocal = uniqueName("sw-local");
    const onPeer = uniqueName("sw-peer");
    await docker.createVolume(onLocal);
    await peer.createVolume(onPeer);

    await page.goto("/engines/local/volumes");
    await expect(page.getByRole("link", { name: onLocal, exact: true })).toBeVisible();
    await expect(switcher(page)).toHaveAccessibleName("Engine local");
    await switcher(page).click();
    await expect(option(page, "All engines")).toBeVisible();
    // Status dots come with words for screen readers: the spare engine is down.
    await expect(option(page, /^spare/)).toContainText("unreachable");
    await screenshot(page, { path: `${ALL_SHOTS}/all-switcher-open.png` });
    await option(page, /^peer/).click();
    await expect(page).toHaveURL(/\/engines\/peer\/volumes$/);
    await expect(page.getByRole("link", { name: onPeer, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: onLocal, exact: true })).toHaveCount(0);
    await expect(switcher(page)).toHaveAccessibleName("Engine peer");

    // Keyboard only, from the containers page: the section is kept. The pointer is parked away from the menu:
    // Radix moves the focus to the first item only for a keyboard user, and takes any pointer move (Chromium
    // sends one when the page changes under a resting mouse) as a mouse user, so the test does not rely on it.
    await page.goto("/engines/peer/containers");
    await page.mouse.move(1270, 710);
    await switcher(page).focus();
    await page.keyboard.press("Enter");
    const list = engineMenu(page);
    await expect(list).toBeVisible();
    await expect(switcher(page)).toHaveAttribute("aria-expanded", "true");
    await expect(option(page, /^peer/)).toHaveAttribute("aria-checked", "true");
    await menuFocused(page);
    // The page was loaded afresh: until the engine list comes the menu lists only the engine shown, and says so
    // (a loaded CI run typed "l" before "local" was there).
    await expect(option(page, /^local/)).toBeVisible();
    await expect(engineMenu(page).getByRole("menuitem")).toHaveCount(0);
    // Typeahead to "local" (the first engine, right below "All engines"), then the arrows: up and back down.
    await page.keyboard.press("l");
    await expect(option(page, /^local/)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(option(page, "All engines")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(option(page, /^local/)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/engines\/local\/containers$/);
    await expect(list).toHaveCount(0);
    await expect(switcher(page)).toHaveAccessibleName("Engine local");
    // Escape closes without switching, and gives the focus back to the button. (After a switch the new page
    // has it: the router moves it there.)
    await switcher(page).focus();
    await page.keyboard.press("ArrowDown");
    await expect(list).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(list).toHaveCount(0);
    await expect(switcher(page)).toBeFocused();
    await expect(page).toHaveURL(/\/engines\/local\/containers$/);
    // Typeahead: a letter moves to the first engine named so, the same letter again to the next; Enter switches.
    await page.keyboard.press("Enter");
    await expect(list).toBeVisible();
    await menuFocused(page);
    await page.keyboard.press("s");
    await expect(option(page, /^spare/)).toBeFocused();
    await page.keyboard.press("s");
    await expect(option(page, /^swarm/)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/engines\/swarm\/containers$/);
  });

  test("the menu says the engine list is loading, or why it failed, until the engines are listed", async ({ page }) => {
    // The real answer is held back, then let through; a second page load finds the server refusing the connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/engines", async (route) => {
      await held;
      await route.continue();
    });
    // A click before the header is hydrated opens nothing: click again until the menu shows.
    const openMenu = () =>
      expect(async () => {
        if (!(await engineMenu(page).isVisible())) await switcher(page).click();
        await expect(engineMenu(page)).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 30_000 });
    await page.goto("/engines/local/volumes");
    await openMenu();
    const notice = engineMenu(page).getByRole("menuitem");
    await expect(notice).toHaveText("Loading the engine list…");
    await expect(notice).toBeDisabled();
    await expect(option(page, /^local/)).toHaveAttribute("aria-checked", "true");
    await expect(option(page, /^peer/)).toHaveCount(0);
    release();
    await expect(option(page, /^peer/)).toBeVisible();
    await expect(notice).toHaveCount(0);

    await page.unroute("**/api/engines");
    await page.route("**/api/engines", (route) => route.abort("connectionrefused"));
    await page.goto("/engines/local/volumes");
    await openMenu();
    // After the retries (about three seconds), the reason.
    await expect(notice).toHaveText(/^The engine list is unavailable: /, { timeout: 20_000 });
    await expect(option(page, /^local/)).toBeVisible();
    await screenshot(page, { path: `${ALL_SHOTS}/all-switcher-failed.png` });
  });
});

test.describe("all-engines view", () => {
  const peer = new DockerCli(engineHost("VOLDECK_PEER_SOCKET"));
  const swarm = new DockerCli(engineHost("VOLDECK_SWARM_SOCKET"));
  test.afterAll(async () => {
    await peer.cleanup();
    await swarm.cleanup();
  });

  test("lists several engines' volumes with an engine column, marks the spare engine down, and recovers it without reload", async ({
    page,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(120_000);
    const names = { local: uniqueName("all-local"), peer: uniqueName("all-peer"), swarm: uniqueName("all-swarm") };
    await docker.createVolume(names.local);
    await peer.createVolume(names.peer);
    await swarm.createVolume(names.swarm);

    await page.goto("/engines/local/volumes");
    await switcher(page).click();
    await option(page, "All engines").click();
    await expect(page).toHaveURL(/\/volumes$/);
    await expect(page.getByRole("heading", { level: 1, name: "Volumes on all engines" })).toBeVisible();
    await expect(switcher(page)).toHaveAccessibleName("Engine All engines");

    for (const [engine, name] of Object.entries(names)) await expect(allRow(page, engine, name)).toBeVisible();
    // Each row is listed under its own engine only.
    await expect(allRow(page, "peer", names.local)).toHaveCount(0);
    await expect(strip(page, "spare")).toContainText("unavailable:");
    for (const id of ["local", "peer", "swarm"]) await expect(strip(page, id)).toContainText(/\d+ volumes?/);
    // The down engine's whole reason is on the page, on a phone too (no hover there): not cut to "cannot b…".
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await expect(strip(page, "spare")).toContainText('The Docker engine "spare" cannot be reached: ');
      await expect.poll(() => strip(page, "spare").evaluate((li) => [li, ...li.querySelectorAll("*")].every((e) => e.scrollWidth <= e.clientWidth))).toBe(true);
      expect((await strip(page, "spare").boundingBox())!.x + (await strip(page, "spare").boundingBox())!.width).toBeLessThanOrEqual(width);
      await screenshot(page, { path: `${ALL_SHOTS}/all-engines-down-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, { path: `${ALL_SHOTS}/all-engines.png`, fullPage: true });

    // Filters: by engine, then by search.
    await page.getByRole("combobox", { name: "Engine", exact: true }).selectOption("peer");
    await expect(allRow(page, "peer", names.peer)).toBeVisible();
    await expect(allRow(page, "local", names.local)).toHaveCount(0);
    await page.getByRole("combobox", { name: "Engine", exact: true }).selectOption("");
    await page.getByRole("searchbox", { name: "Search" }).fill(names.swarm);
    await expect(allRow(page, "swarm", names.swarm)).toBeVisible();
    await expect(allRow(page, "local", names.local)).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Search" }).fill("");

    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    let spare: TestEngine | undefined;
    try {
      spare = await startSpareEngine();
      const onSpare = uniqueName("all-spare");
      await new DockerCli(spareDockerHost()).run("volume", "create", onSpare);
      // No reload: the view asks each engine again by itself, and the spare engine's rows appear.
      await expect(allRow(page, "spare", onSpare)).toBeVisible({ timeout: 30_000 });
      await expect(strip(page, "spare")).not.toContainText("unavailable");
      await expect(allRow(page, "local", names.local)).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
      await screenshot(page, { path: `${ALL_SHOTS}/all-engines-recovered.png`, fullPage: true });
    } finally {
      await spare?.stop();
    }
    await expect(strip(page, "spare")).toContainText("unavailable:", { timeout: 30_000 });

    // A row leads to that engine's page of the volume.
    await allRow(page, "peer", names.peer).getByRole("link", { name: names.peer, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/engines/peer/volumes/${names.peer}$`));
  });
});
