import { expect, test } from "./fixtures";

test("volumes created and removed with the CLI appear and disappear without a reload", async ({ docker, uniqueName, volumesPage, page }) => {
  const name = uniqueName("live");
  await volumesPage.goto();
  await volumesPage.waitLive();
  // Any full reload would reset this marker; the live update must come through the open page.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await docker.createVolume(name);
  await expect(volumesPage.row(name)).toBeVisible();

  await docker.run("volume", "rm", name);
  await expect(volumesPage.row(name)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
