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
  await expect(containersPage.status(producer)).toHaveText(/^Up \d+ (s|min)$/);
  await containersPage.expand(producer);

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
  await expect(containersPage.status(consumer)).toHaveText(/^Created \d+ (s|min) ago · never started$/);
  await containersPage.expand(consumer);
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

test("a container's status is computed live from its start time, never a text frozen at the first read", async ({
  docker,
  uniqueName,
  containersPage,
  page,
}) => {
  const name = uniqueName("live");
  await docker.runSleeper(name);
  const startedAt = Date.parse(JSON.parse(await docker.run("container", "inspect", name))[0].State.StartedAt);

  await containersPage.goto();
  const status = containersPage.status(name);
  await expect(status).toHaveText(/^Up \d+ s$/);
  const first = (await status.textContent())!;
  // What the page says matches the engine's StartedAt (within the second the page's clock steps by)…
  const shownSeconds = Number(/Up (\d+) s/.exec(first)![1]);
  const trueSeconds = (Date.now() - startedAt) / 1000;
  expect(Math.abs(trueSeconds - shownSeconds)).toBeLessThanOrEqual(3);
  // …and moves on as time passes, with no reload and nothing changed on the engine.
  await expect(status).not.toHaveText(first, { timeout: 10_000 });
  const later = Number(/Up (\d+) s/.exec((await status.textContent())!)![1]);
  expect(later).toBeGreaterThan(shownSeconds);

  // Killed behind the page's back: the live update says how it ended, and the clock runs from then on.
  await docker.run("kill", name);
  const apiState = async () => {
    const body = await (await page.request.get("/api/engines/local/containers")).json();
    return body.containers.find((c: { name: string }) => c.name === name)?.state;
  };
  await expect.poll(apiState, { timeout: 15_000 }).toBe("exited");
  await expect(status).toHaveText(/^Exited \(137\) \d+ s ago$/, { timeout: 15_000 });
  await expect(page).toHaveURL(/\/containers$/);
});

test("containers are grouped by compose project, groups fold, and tmpfs mounts show their size and mode", async ({ docker, uniqueName, containersPage }) => {
  const project = uniqueName("stack");
  const web = uniqueName("web");
  const loose = uniqueName("loose");
  await docker.runSleeper(web, "--label", `com.docker.compose.project=${project}`, "--tmpfs", "/cache:size=64m,mode=1770");
  await docker.createContainer(loose);

  await containersPage.goto();
  const group = containersPage.group(project);
  await expect(group.getByRole("region", { name: web, exact: true })).toBeVisible();
  await expect(group).toContainText("1/1 running");
  await expect(containersPage.group(null).getByRole("region", { name: loose, exact: true })).toBeVisible();

  await containersPage.expand(web);
  await expect(containersPage.mountCells(web, "/cache").nth(1)).toHaveText("in memory · up to 64.0 MB · mode 1770");

  await group.getByRole("button", { name: new RegExp(`^${project}`) }).click();
  await expect(containersPage.card(web)).toBeHidden();
  await expect(containersPage.card(loose)).toBeVisible();
});
