import { expect, test } from "./fixtures";

test("removing a volume a running container uses is refused by the engine, naming the container", async ({ docker, uniqueName, volumesPage, shot }) => {
  const name = uniqueName("busy");
  const holder = `${name}-holder`;
  await docker.createVolume(name);
  await docker.runSleeper(holder, "-v", `${name}:/data`);

  await volumesPage.goto();
  const dialog = await volumesPage.openRemove(name);
  await dialog.getByRole("button", { name: "Remove volume", exact: true }).click();
  const refusal = dialog.getByRole("alert");
  await expect(refusal).toContainText("The engine refused: the volume is in use. Nothing was removed.");
  await expect(refusal.getByRole("listitem")).toHaveText([`${holder} (running)`]);
  await shot("delete-refused");
  expect(await docker.inspectVolume(name)).not.toBeNull();

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(volumesPage.row(name)).toBeVisible();
});

test("removing an unused volume deletes it and its row disappears", async ({ docker, uniqueName, volumesPage }) => {
  const name = uniqueName("unused");
  await docker.createVolume(name);

  await volumesPage.goto();
  await expect(volumesPage.row(name)).toBeVisible();
  const dialog = await volumesPage.openRemove(name);
  await dialog.getByRole("button", { name: "Remove volume", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(volumesPage.row(name)).toHaveCount(0);
  expect(await docker.inspectVolume(name)).toBeNull();
});
