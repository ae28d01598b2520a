// A hung engine (SIGSTOP: it takes connections and says nothing) is reported in the header within 5 s, the
// switcher's dot agrees, the banner says since when the data is, and a freshly opened page that waits on the
// engine says so instead of spinning for ever. The engine is always continued (SIGCONT).
import { expect, test } from "../fixtures";
import { VolumesPage } from "../pages/VolumesPage";
import { DockerCli } from "../support/docker";
import { spareDockerHost, startSpareEngine, type TestEngine } from "../support/spare-engine";

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
    await page.screenshot({ path: "/tmp/e2e-shots/design/not-responding-1440.png" });

    // A freshly opened volume page on the hung engine says what it waits for, then gives up with the reason.
    await page.goto(`${spare.path}/${encodeURIComponent(name)}`);
    // (Either the page waits and says on what, or it has already answered from what the console knows.)
    await expect(page.getByText(/Still waiting for the engine "spare"|did not answer within 10 s|not responding/).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.locator("[role=status] .animate-spin")).toHaveCount(0, { timeout: 30_000 });

    process.kill(engine.pid, "SIGCONT");
    paused = false;
    await expect(page.getByRole("banner")).toContainText(", live", { timeout: 20_000 });
  } finally {
    if (paused) process.kill(engine.pid, "SIGCONT");
    await engine.stop();
  }
});
