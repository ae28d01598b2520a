import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";

test("prune all unused: the preview lists exactly what goes, the confirmation names the count, in-use volumes stay", async ({
  docker,
  uniqueName,
  volumesPage,
  shot,
}) => {
  const unused = uniqueName("prune-me");
  const used = uniqueName("prune-keep");
  await docker.createVolume(unused);
  await docker.createVolume(used);
  await docker.createContainer(`${used}-holder`, "-v", `${used}:/data`);

  await volumesPage.goto();
  await expect(volumesPage.row(unused)).toBeVisible();
  const prune = await volumesPage.openPrune();
  await prune.allUnused.check();
  await prune.previewButton.click();

  // Other test files share the engine, so other unused volumes may be listed too: count what is shown.
  await expect(prune.previewRow(unused)).toBeVisible();
  await expect(prune.previewRow(used)).toHaveCount(0);
  const count = await prune.previewRows.count();
  const noun = count === 1 ? "volume" : "volumes";
  const volumes = `${count} ${noun}`;
  await expect(prune.root.getByRole("status")).toContainText(`${count} unused ${noun} would be removed`);
  await shot("prune-preview");

  await prune.continueButton.click();
  const confirm = prune.root.getByRole("button", { name: `Remove ${volumes}`, exact: true });
  await expect(confirm).toBeVisible();
  await expect(prune.root.getByRole("alert")).toContainText(`Remove ${volumes} and all the data`);
  await confirm.click();

  await expect(prune.removedList).toBeVisible();
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: unused })).toHaveText(unused);
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: used })).toHaveCount(0);
  await shot("prune-result");
  await prune.root.getByRole("button", { name: "Done" }).click();
  await expect(prune.root).toBeHidden();

  expect(await docker.inspectVolume(unused)).toBeNull();
  expect(await docker.inspectVolume(used)).not.toBeNull();
  await expect(volumesPage.row(unused)).toHaveCount(0);
  await expect(volumesPage.row(used)).toBeVisible();
});

test("a long preview scrolls in the dialog's box: its last volume is drawn and ticked, and the prune removes exactly the ticked ones", async ({
  docker,
  uniqueName,
  volumesPage,
  page,
  shot,
}) => {
  test.setTimeout(180_000);
  // More than the 150 rows a table draws all of: the list's rows are virtual. A trial migration once drew only the
  // first 21 (the rows followed the window, not the dialog's box) while all 170 stayed ticked.
  const prefix = uniqueName("prune-many");
  const names = Array.from({ length: 170 }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  await docker.createVolumes(names);
  const last = names.at(-1)!;

  await volumesPage.goto();
  // The console's list follows the engine's events: wait until it has seen the last volume created.
  await volumesPage.search.fill(last);
  await expect(volumesPage.row(last)).toBeVisible();
  await volumesPage.search.fill("");
  const prune = await volumesPage.openPrune();
  await prune.allUnused.check();
  await prune.previewButton.click();
  await expect(prune.previewTable).toBeVisible();

  const listed = await prune.previewCount();
  expect(listed).toBeGreaterThanOrEqual(names.length);
  await expect(prune.status).toContainText(`${listed} unused volumes would be removed`);

  // To the end of the list's own box, as a wheel would: the last row is drawn, ticked.
  await prune.previewScrollBox.hover();
  await expect(async () => {
    await page.mouse.wheel(0, 4000);
    await expect(prune.previewTable.locator(`[aria-rowindex="${listed + 1}"]`)).toBeInViewport();
  }).toPass();
  const lastRow = prune.previewTable.locator(`[aria-rowindex="${listed + 1}"]`);
  await expect(lastRow.getByRole("checkbox")).toBeChecked();
  await expect(prune.previewRow(last).getByRole("checkbox", { name: `Remove ${last}` })).toBeChecked();
  await expect(prune.previewTable.getByRole("checkbox", { checked: false })).toHaveCount(0);
  // Spare the last one: the count said, the confirmation and the prune all leave it out.
  await prune
    .previewRow(last)
    .getByRole("checkbox", { name: `Remove ${last}` })
    .uncheck();
  const removing = listed - 1;
  await expect(prune.status).toContainText(`${removing} unused volumes would be removed`);
  await expect(prune.status).toContainText("1 spared");

  // The desktop and the phone (cards) in both themes, for a person to look at; no serious axe violation on either.
  const size = page.viewportSize()!;
  for (const width of [size.width, 390]) {
    await page.setViewportSize({ width, height: size.height });
    expect(await seriousViolations(page)).toEqual([]);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await shot(`prune-preview-many-${width}-${theme}`);
    }
  }
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "light" });

  await prune.continueButton.click();
  await prune.root.getByRole("button", { name: `Remove ${removing} volumes`, exact: true }).click();
  await expect(prune.removedList).toBeVisible({ timeout: 60_000 });
  await expect(prune.removedList.getByRole("listitem")).toHaveCount(removing);
  await expect(prune.removedList.getByRole("listitem").filter({ hasText: last })).toHaveCount(0);

  const left = new Set(await docker.volumeNames());
  expect(names.filter((n) => left.has(n))).toEqual([last]);
});
