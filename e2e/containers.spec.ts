import { expect, test } from "./fixtures";

test("containers page shows every kind of mount, read-only access, --volumes-from and never-started containers", async ({
  docker,
  uniqueName,
  containersPage,
  page,
  shot,
}) => {
  const prefix = uniqueName("mounts");
  const data = await docker.createVolume(`${prefix}-data`);
  const config = await docker.createVolume(`${prefix}-config`);
  const hostDir = await docker.tempDir("bind");
  const producer = `${prefix}-producer`;
  const consumer = `${prefix}-consumer`;
  await docker.runSleeper(producer, "-v", `${data}:/data`, "-v", `${config}:/config:ro`, "-v", `${hostDir}:/host`, "--tmpfs", "/scratch");
  await docker.createContainer(consumer, "--volumes-from", `${producer}:ro`);

  await containersPage.goto();
  const producerCard = containersPage.card(producer);
  await expect(producerCard).toBeVisible();
  await expect(producerCard.getByText("running", { exact: true })).toBeVisible();

  const cells = (dest: string) => containersPage.mountCells(producer, dest);
  await expect(cells("/data").nth(0)).toHaveText("named volume");
  await expect(cells("/data").nth(1)).toHaveText(data);
  await expect(cells("/data").nth(3)).toHaveText("read-write");
  await expect(cells("/config").nth(0)).toHaveText("named volume");
  await expect(cells("/config").nth(1)).toHaveText(config);
  await expect(cells("/config").nth(3)).toHaveText("read-only");
  await expect(cells("/host").nth(0)).toHaveText("bind");
  await expect(cells("/host").nth(1)).toHaveText(hostDir);
  await expect(cells("/host").nth(3)).toHaveText("read-write");
  // `--tmpfs` is only in the inspect result's HostConfig.Tmpfs, not in Mounts.
  await expect(cells("/scratch").nth(0)).toHaveText("tmpfs");
  await expect(cells("/scratch").nth(1)).toHaveText("in memory");
  await expect(cells("/scratch").nth(3)).toHaveText("read-write");
  await expect(containersPage.mountCells(producer, "/data").nth(1).getByRole("link", { name: data, exact: true })).toHaveAttribute(
    "href",
    `/engines/local/volumes/${data}`,
  );

  // The consumer takes the producer's volumes (read-only, as asked) and was never started.
  const consumerCard = containersPage.card(consumer);
  await expect(consumerCard.getByText("created", { exact: true })).toBeVisible();
  await expect(consumerCard).toContainText(`Takes volumes from: ${producer}`);
  const from = consumerCard.getByRole("link", { name: producer, exact: true });
  await expect(from).toHaveAttribute("href", `#container-${producer}`);
  await expect(containersPage.mountCells(consumer, "/data").nth(1)).toHaveText(data);
  await expect(containersPage.mountCells(consumer, "/data").nth(3)).toHaveText("read-only");
  await expect(containersPage.mountCells(consumer, "/host").nth(1)).toHaveText(hostDir);
  await expect(containersPage.mountCells(consumer, "/host").nth(3)).toHaveText("read-only");
  await shot("containers");

  await from.click();
  await expect(page).toHaveURL(new RegExp(`#container-${producer}$`));
  await expect(producerCard).toBeInViewport();
});
