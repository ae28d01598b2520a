// A hung engine (SIGSTOP: it takes connections and says nothing) is reported in the header within 5 s, the
// switcher's dot agrees, the banner says since when the data is, and a freshly opened page that waits on the
// engine says so instead of spinning for ever. The volumes list's write buttons are disabled (and look it) with
// the reason while it hangs, and enabled again once it answers. The engine is always continued (SIGCONT).
import type { Locator } from "@playwright/test";
import { expect, test } from "../fixtures";
import { VolumesPage } from "../pages/VolumesPage";
import { DockerCli } from "../support/docker";
import { spareDockerHost, startSpareEngine, type TestEngine } from "../support/spare-engine";
import { screenshot } from "../support/shots";

// VOLDECK_SHOTS_DIR: somewhere else, when several runs take screenshots at once.
const SHOTS = process.env.VOLDECK_SHOTS_DIR ?? "/tmp/e2e-shots/design";
const opacity = (l: Locator) => l.evaluate((el) => Number(getComputedStyle(el).opacity));

test("a paused engine: 'not responding' within 5 s, stale data marked, waits explained, live again after SIGCONT", async ({ page, uniqueName }) => {
  test.setTimeout(120_000);
  const engine = (await startSpareEngine()) as TestEngine & { pid: number };
  let paused = false;
  try {
    const name = uniqueName("paused");
    await new DockerCli(spareDockerHost()).run("volume", "create", name);
    const spare = new VolumesPage(page, "spare");
    await page.goto(spare.path);
    await expect(spare.row(name)).toBeVisible({ timeout: 30_000 });
    const banner = page.getByRole("banner");
    await expect(banner).toContainText(", live");

    process.kill(engine.pid, "SIGSTOP");
    paused = true;
    const stoppedAt = Date.now();
    await expect(banner).toContainText(", not responding", { timeout: 5_000 });
    test.info().annotations.push({ type: "not responding", description: `${Date.now() - stoppedAt} ms after SIGSTOP` });
    await expect(banner).not.toContainText(", live");
    const notice = page.getByRole("status").filter({ hasText: 'The Docker engine "spare" is not responding.' });
    await expect(notice).toContainText(/as of \d\d:\d\d/);
    // The badge by the title says the same clock time as the banner: never "as of  in 4 seconds".
    const clock = /as of (\d\d:\d\d)/.exec((await notice.textContent()) ?? "")![1];
    await expect(page.getByText(/^Out of date:/)).toHaveText(`Out of date: as of ${clock}`);

    // Every write button of the list is disabled, says why, and looks disabled (Prune… looked active).
    const reason = 'The engine "spare" is not responding (paused or overloaded); what is shown may be out of date.';
    const create = page.getByRole("button", { name: "Create volume" });
    const prune = page.getByRole("button", { name: "Prune…" });
    for (const button of [create, prune]) {
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute("title", reason);
      await expect.poll(() => opacity(button)).toBeLessThan(1);
    }
    await spare.menuButton(name).click();
    for (const item of ["Back up", "Copy or move…", "Remove…"])
      await expect(page.getByRole("menuitem", { name: new RegExp(`^${item}`) })).toHaveAttribute("aria-disabled", "true");
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
    for (const bulk of ["Back up 1…", "Remove 1…"]) {
      await expect(page.getByRole("button", { name: bulk })).toBeDisabled();
      await expect(page.getByRole("button", { name: bulk })).toHaveAttribute("title", reason);
    }
    await screenshot(page, { path: `${SHOTS}/not-responding-1440.png` });

    // A freshly opened volume page on the hung engine says what it waits for, then gives up with the reason.
    await page.goto(`${spare.path}/${encodeURIComponent(name)}`);
    // (Either the page waits and says on what, or it has already answered from what the console knows.)
    await expect(page.getByText(/Still waiting for the engine "spare"|did not answer within 10 s|not responding/).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("[role=status] .animate-spin")).toHaveCount(0, { timeout: 30_000 });

    process.kill(engine.pid, "SIGCONT");
    paused = false;
    await expect(page.getByRole("banner")).toContainText(", live", { timeout: 20_000 });
    await page.goto(spare.path);
    await expect(spare.row(name)).toBeVisible();
    for (const button of [page.getByRole("button", { name: "Create volume" }), page.getByRole("button", { name: "Prune…" })]) {
      await expect(button).toBeEnabled();
      await expect.poll(() => opacity(button)).toBe(1);
    }
    await expect(page.getByText(/^Out of date:/)).toHaveCount(0);
  } finally {
    if (paused) process.kill(engine.pid, "SIGCONT");
    await engine.stop();
  }
});
