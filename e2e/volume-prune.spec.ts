import { expect, test } from "./fixtures";

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
