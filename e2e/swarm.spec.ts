import { SwarmScenario } from "../test/helpers/swarm";
import { ContainersPage } from "./pages/ContainersPage";
import { VolumesPage } from "./pages/VolumesPage";
import { expect, test } from "./fixtures";

// Engine "swarm" is a one-node Swarm manager; "local" is a plain engine.

test("Services page: a service's mounts, its node, and live updates; its volume stays in use with no task", async ({ page, uniqueName, shot }) => {
  const s = new SwarmScenario();
  try {
    const name = uniqueName("svc");
    const data = await s.createVolume(`${name}-data`);
    const hostDir = await s.tempDir("bind");
    const hostname = await s.nodeHostname();
    const id = await s.createService(name, [
      { Type: "volume", Source: data, Target: "/data" },
      { Type: "bind", Source: hostDir, Target: "/host", ReadOnly: true },
      { Type: "tmpfs", Target: "/scratch" },
    ]);

    await page.goto("/engines/swarm/services");
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    // Same card and mounts table as a container's: the page object reads both.
    const cards = new ContainersPage(page, "swarm");
    const card = cards.card(name);
    await expect(card.getByText(`Tasks running on node: ${hostname}`)).toBeVisible({ timeout: 30_000 });
    await expect(card.getByText("1/1 running")).toBeVisible();
    await expect(cards.mountCells(name, "/data").nth(0)).toHaveText("named volume");
    await expect(cards.mountCells(name, "/data").nth(1).getByRole("link", { name: data, exact: true })).toHaveAttribute(
      "href",
      `/engines/swarm/volumes/${data}`,
    );
    await expect(cards.mountCells(name, "/data").nth(3)).toHaveText("read-write");
    await expect(cards.mountCells(name, "/host").nth(0)).toHaveText("bind");
    await expect(cards.mountCells(name, "/host").nth(1)).toHaveText(hostDir);
    await expect(cards.mountCells(name, "/host").nth(3)).toHaveText("read-only");
    await expect(cards.mountCells(name, "/scratch").nth(0)).toHaveText("tmpfs");
    await shot("swarm-services");

    // Scaled to zero behind the page's back: the page follows the engine's events.
    await s.scaleService(id, 0);
    await expect(card.getByText("No task running on any node.")).toBeVisible({ timeout: 20_000 });
    await expect(card.getByText("0/0 running")).toBeVisible();

    // No task, and once its container is gone, the service alone keeps the volume in use.
    const filter = encodeURIComponent(JSON.stringify({ volume: [data] }));
    await expect.poll(() => s.call<unknown[]>("GET", `/containers/json?all=1&filters=${filter}`).then((l) => l.length), { timeout: 30_000 }).toBe(0);
    const volumes = new VolumesPage(page, "swarm");
    await volumes.goto();
    await expect(volumes.row(data)).toBeVisible();
    await expect(volumes.row(data).getByText("in use now")).toHaveCount(0);
    await expect(volumes.row(data).getByText("unused", { exact: true })).toHaveCount(0);
    await shot("swarm-volumes");

    // The volume's own page names the service that declares it, linked to its card on the Services page.
    await page.goto(`/engines/swarm/volumes/${encodeURIComponent(data)}`);
    const declared = page.getByRole("table", { name: `Swarm services that declare ${data}` });
    await expect(declared.getByRole("link", { name, exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(declared.getByRole("row").filter({ hasText: name })).toContainText("/data");
    await shot("swarm-volume-page");
    await volumes.goto();

    // Removing it is not offered, naming the service (its spec holds the volume even with no task running).
    const remove = await volumes.menuItem(data, "Remove…");
    await expect(remove).toHaveAttribute("aria-disabled", "true");
    await expect(remove).toContainText(`In use by service ${name}`);
    await shot("swarm-remove-refused");
    await page.keyboard.press("Escape");
    expect(await s.volumeExists(data)).toBe(true);
  } finally {
    await s.cleanup();
  }
});

test("Services page on an engine that is not a Swarm manager says so", async ({ page, shot }) => {
  await page.goto("/engines/local/services");
  await expect(page.getByText("This engine is not a Swarm manager")).toBeVisible();
  await shot("swarm-not-manager");
});

test("Services page of an engine that does not answer says why, with a retry", async ({ page, shot }) => {
  await page.goto("/engines/spare/services");
  await expect(page.getByText("Could not load the services.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await shot("swarm-engine-down");
});
