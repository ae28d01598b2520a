import { expect, test } from "./fixtures";

test("a volume a running container uses cannot be removed from its menu, which names the container first", async ({
  docker,
  uniqueName,
  volumesPage,
  shot,
}) => {
  const name = uniqueName("busy");
  const holder = `${name}-holder`;
  await docker.createVolume(name);
  await docker.runSleeper(holder, "-v", `${name}:/data`);

  await volumesPage.goto();
  const remove = await volumesPage.menuItem(name, "Remove…");
  // Before anything is clicked: disabled, saying who holds it (the engine would refuse anyway).
  await expect(remove).toHaveAttribute("aria-disabled", "true");
  await expect(remove).toContainText(`In use by ${holder}`);
  await shot("delete-refused");
  await remove.click({ force: true });
  await expect(volumesPage.dialog(`Remove volume ${name}?`)).toHaveCount(0);
  await volumesPage.page.keyboard.press("Escape");
  expect(await docker.inspectVolume(name)).not.toBeNull();
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
