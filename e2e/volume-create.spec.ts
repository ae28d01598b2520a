import { expect, test } from "./fixtures";

test("create dialog: an invalid name is refused in the form, a valid one with a label is created and opened", async ({
  docker,
  uniqueName,
  volumesPage,
  volumeDetailPage,
  page,
  shot,
}) => {
  const name = docker.trackVolume(uniqueName("created"));
  await volumesPage.goto();
  const before = await docker.volumeNames();

  const dialog = await volumesPage.openCreate();
  await dialog.name.fill("bad name");
  await dialog.submit.click();
  await expect(dialog.name).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.name).toHaveAccessibleDescription(/A volume name has at least 2 characters: letters, digits/);
  await shot("create-invalid");
  await expect(dialog.root).toBeVisible();
  // Nothing reached the engine: not this name, nor an engine-named volume from an empty request.
  expect(await docker.volumeNames()).toEqual(before);

  await dialog.name.fill(name);
  await expect(dialog.name).toHaveAttribute("aria-invalid", "false");
  await dialog.addLabel("com.example.owner", "e2e");
  await dialog.submit.click();
  await expect.poll(async () => (await docker.inspectVolume(name))?.Labels).toEqual({ "com.example.owner": "e2e" });
  await expect(page).toHaveURL(volumeDetailPage.path(name));
  await expect(volumeDetailPage.heading(name)).toBeVisible();
  await expect(volumeDetailPage.labels.getByRole("listitem")).toHaveText(["com.example.owner=e2e"]);
  await shot("create-done");
});

test("create dialog: a name that already exists shows the server's error and changes nothing", async ({ docker, uniqueName, volumesPage }) => {
  const name = uniqueName("taken");
  await docker.createVolume(name, { original: "yes" });
  await volumesPage.goto();
  await expect(volumesPage.row(name)).toBeVisible();

  const dialog = await volumesPage.openCreate();
  await dialog.name.fill(name);
  await dialog.addLabel("original", "no");
  await dialog.submit.click();
  await expect(dialog.error).toContainText("The volume was not created.");
  await expect(dialog.error).toContainText(`A volume named "${name}" already exists.`);
  await expect(dialog.root).toBeVisible();
  expect((await docker.inspectVolume(name))?.Labels).toEqual({ original: "yes" });
});
