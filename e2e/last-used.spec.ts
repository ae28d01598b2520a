import { expect, test } from "./fixtures";
import { TEST_IMAGE } from "./support/docker";

// "Last used" comes from the engine's mount and unmount events, recorded by the console. In a test run the
// console began to follow the engine minutes ago, so no volume here can be unused for a whole day: limiting
// to "more than 1 day" must leave nothing, and clearing the limit must bring the volumes back.

test("each volume says in use now, last used … by <container>, or not seen in use since …; the list filters and sorts on it", async ({
  docker,
  uniqueName,
  volumesPage,
  page,
  shot,
}) => {
  const used = uniqueName("lu-used");
  const idle = uniqueName("lu-idle");
  const runner = `${used}-runner`;
  await docker.createVolume(used);
  await docker.createVolume(idle);
  // A fake clock that runs at normal speed, so the test can move it on to see the texts age by themselves.
  await page.clock.install();
  await volumesPage.goto();
  await volumesPage.waitLive();

  await expect(volumesPage.row(idle)).toContainText(/not seen in use since \d{1,2} \w{3} \d{4}/);
  await expect(volumesPage.row(idle).getByTitle(/^Not seen in use since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/)).toBeVisible();

  await docker.runSleeper(runner, "-v", `${used}:/data`);
  await expect(volumesPage.row(used)).toContainText(`in use now by ${runner}`);
  await shot("last-used-in-use");

  // Unused for more than 0 days: any volume not in use now.
  await volumesPage.unusedFilter.fill("0");
  await expect(volumesPage.row(idle)).toBeVisible();
  await expect(volumesPage.row(used)).toHaveCount(0);
  // For more than a day: tracking began minutes ago, so none of these.
  await volumesPage.unusedFilter.fill("1");
  await expect(volumesPage.row(idle)).toHaveCount(0);
  await volumesPage.unusedFilter.clear();
  await expect(volumesPage.row(used)).toBeVisible();

  await docker.run("rm", "-f", runner);
  await expect(volumesPage.row(used)).toContainText(`last used just now by ${runner}`);
  await expect(volumesPage.row(used).getByTitle(new RegExp(`^Last used \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by ${runner}\\.$`))).toBeVisible();

  // Time passes, nothing is fetched: the relative time follows the clock.
  await page.clock.fastForward("05:00");
  await expect(volumesPage.row(used)).toContainText(new RegExp(`last used [56] minutes ago by ${runner}`));
  await shot("last-used-ago");

  // Sorting: never seen in use is the oldest.
  await volumesPage.search.fill(used.split("-").at(-1)!);
  await expect(volumesPage.rows).toHaveCount(2);
  await volumesPage.sortButton("Last used").click();
  await expect(volumesPage.columnHeader("Last used")).toHaveAttribute("aria-sort", "ascending");
  await expect(volumesPage.rows.nth(0)).toContainText(idle);
  await expect(volumesPage.rows.nth(1)).toContainText(used);
  await volumesPage.sortButton("Last used").click();
  await expect(volumesPage.columnHeader("Last used")).toHaveAttribute("aria-sort", "descending");
  await expect(volumesPage.rows.nth(0)).toContainText(used);
  await expect(volumesPage.rows.nth(1)).toContainText(idle);
});

// The rows that come with the page are drawn by the server, then taken over (hydrated) by the page's scripts: both
// must draw the same text whatever each clock says, or React throws the server's rows away and draws the whole page
// again (on a loaded CI machine that redraw once wiped the theme off <html>). The browser's clock runs 10 minutes
// ahead here; the server's is the machine's.
test("the rows that come with the page are taken over without a mismatch, whatever the browser's clock says", async ({
  docker,
  uniqueName,
  volumesPage,
  page,
}) => {
  const used = uniqueName("lu-hydrate");
  const runner = `${used}-runner`;
  await docker.createVolume(used);
  await docker.run("run", "--rm", "--network", "none", "--name", runner, "-v", `${used}:/data`, TEST_IMAGE, "true");
  await page.setViewportSize({ width: 1440, height: 900 }); // the Last used column shows
  await volumesPage.goto();
  await expect(volumesPage.row(used)).toContainText(`last used just now by ${runner}`);

  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.install({ time: Date.now() + 10 * 60_000 });
  await volumesPage.gotoUntilHandedOver(used, used);
  await volumesPage.waitLive();
  await expect(volumesPage.row(used)).toContainText(new RegExp(`last used 1[01] minutes ago by ${runner}`));
  expect(errors).toEqual([]);
});

test("the prune preview shows each volume's last use and can be limited to volumes unused for more than N days", async ({
  docker,
  uniqueName,
  volumesPage,
  shot,
}) => {
  const used = uniqueName("lu-pruned");
  const idle = uniqueName("lu-never");
  const runner = `${used}-runner`;
  await docker.createVolume(used);
  await docker.createVolume(idle);
  await docker.run("run", "--rm", "--network", "none", "--name", runner, "-v", `${used}:/data`, TEST_IMAGE, "true");
  await volumesPage.goto();
  await expect(volumesPage.row(used)).toContainText(`by ${runner}`);

  const prune = await volumesPage.openPrune();
  await prune.allUnused.check();
  await prune.previewButton.click();
  await expect(prune.previewRow(used)).toContainText(`by ${runner}`);
  await expect(prune.previewRow(idle)).toContainText("not seen in use since");
  const everyUnused = await prune.previewRows.count();

  // Bad input is refused before any request, and the list shown no longer answers it: nothing to confirm.
  await prune.unusedDays.fill("-3");
  await expect(prune.root).toContainText("Enter a whole number of days");
  await expect(prune.unusedDays).toHaveAttribute("aria-invalid", "true");
  await expect(prune.continueButton).toBeDisabled();

  // More than 1 day: nothing in this run qualifies; the count and the list say so, and there is nothing to confirm.
  await prune.unusedDays.fill("1");
  await expect(prune.status).toHaveText("Nothing to prune: no volume has been unused for more than 1 day.");
  await expect(prune.previewTable).toHaveCount(0);
  await expect(prune.continueButton).toHaveCount(0);
  await expect(prune.root).toContainText("Use is followed on this engine since");
  await shot("last-used-prune-none");

  // 0 days: every unused volume again, and the count follows what is shown.
  await prune.unusedDays.fill("0");
  await expect(prune.previewRow(used)).toBeVisible();
  await expect(prune.previewRow(idle)).toBeVisible();
  await expect(prune.status).toContainText("(unused for more than 0 days)");
  await prune.unusedDays.clear();
  await expect(prune.status).not.toContainText("unused for more than");
  await expect(prune.previewRows).toHaveCount(everyUnused);
  await expect(prune.status).toContainText(`${everyUnused} unused ${everyUnused === 1 ? "volume" : "volumes"} would be removed`);
  await shot("last-used-prune");

  // The confirmation counts exactly the list shown, and the prune removes exactly it.
  const volumes = `${everyUnused} ${everyUnused === 1 ? "volume" : "volumes"}`;
  await prune.continueButton.click();
  await expect(prune.root.getByRole("alert")).toContainText(`Remove ${volumes} and all the data`);
  await prune.root.getByRole("button", { name: `Remove ${volumes}`, exact: true }).click();
  await expect(prune.removedList.getByRole("listitem")).toHaveCount(everyUnused);
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: used })).toHaveText(used);
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: idle })).toHaveText(idle);
  expect(await docker.inspectVolume(used)).toBeNull();
  expect(await docker.inspectVolume(idle)).toBeNull();
});
