import { expect, test } from "./fixtures";

test("clicking a volume opens its page: driver, mountpoint, labels and the containers that mount it", async ({
  docker,
  uniqueName,
  volumesPage,
  volumeDetailPage,
  page,
  shot,
}) => {
  const name = uniqueName("detail");
  await docker.createVolume(name, { "com.example.purpose": "e2e-detail", tier: "gold" });
  const writer = `${name}-writer`;
  const reader = `${name}-reader`;
  await docker.runSleeper(writer, "-v", `${name}:/srv/data`);
  await docker.createContainer(reader, "-v", `${name}:/mnt/ro:ro`);
  const inspect = (await docker.inspectVolume(name))!;

  await volumesPage.goto();
  await volumesPage.link(name).click();
  await expect(page).toHaveURL(volumeDetailPage.path(name));
  await expect(volumeDetailPage.heading(name)).toBeVisible();

  await expect.poll(() => volumeDetailPage.facts()).toMatchObject({ Name: name, Driver: "local", Mountpoint: inspect.Mountpoint });
  await expect(volumeDetailPage.labels.getByRole("listitem")).toHaveText(["com.example.purpose=e2e-detail", "tier=gold"]);

  const writerRow = volumeDetailPage.containerRow(name, writer);
  await expect(writerRow).toBeVisible();
  await expect(writerRow.getByRole("rowheader")).toHaveText(writer);
  await expect(writerRow.getByRole("cell")).toHaveText(["running", "/srv/data", "read-write"]);
  const readerRow = volumeDetailPage.containerRow(name, reader);
  await expect(readerRow.getByRole("rowheader")).toHaveText(reader);
  await expect(readerRow.getByRole("cell")).toHaveText(["created", "/mnt/ro", "read-only"]);
  await shot("volume-detail");
});
