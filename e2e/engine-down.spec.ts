import { expect, test } from "./fixtures";
import { VolumesPage } from "./pages/VolumesPage";
import { DockerCli } from "./support/docker";
import { spareDockerHost, startSpareEngine, type TestEngine } from "./support/spare-engine";

test("an unreachable engine is reported, and the page recovers by itself once the engine is up", async ({ page, uniqueName, shot }) => {
  test.setTimeout(90_000);
  const spare = new VolumesPage(page, "spare");
  await page.goto(spare.path);
  await expect(spare.heading).toBeVisible();
  const outage = page.getByRole("alert").filter({ hasText: 'The Docker engine "spare" cannot be reached' });
  await expect(outage.first()).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(", unreachable");
  // Wait until the list itself has given up (after its retries): recovery must then come from the
  // console noticing the engine, not from a retry still in flight.
  await expect(page.getByRole("alert").filter({ hasText: "The volumes could not be listed." })).toBeVisible();
  await shot("engine-down");
  // Nothing can be changed on an engine that cannot be reached: the write buttons say why.
  const writes = [page.getByRole("button", { name: "Create volume" }), page.getByRole("button", { name: "Prune…" })];
  for (const button of writes) await expect(button).toBeDisabled();
  await expect(writes[0]).toHaveAttribute("title", 'The engine "spare" cannot be reached; what is shown may be out of date.');
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  let engine: TestEngine | undefined;
  try {
    engine = await startSpareEngine();
    const name = uniqueName("spare");
    await new DockerCli(spareDockerHost()).run("volume", "create", name);
    const started = Date.now();
    // No reload: the console notices the engine by itself (its event stream reconnects) and refetches.
    await expect(spare.row(name)).toBeVisible({ timeout: 25_000 });
    test.info().annotations.push({ type: "recovery", description: `${Date.now() - started} ms after the volume was created` });
    await expect(outage).toHaveCount(0);
    await expect(page.getByRole("banner")).toContainText(", live");
    for (const button of writes) await expect(button).toBeEnabled();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await shot("engine-recovered");
  } finally {
    await engine?.stop();
  }
});
