// Admin → Engines: add an engine (the "peer" test engine's socket, under a new id), test it before saving,
// see its volumes, remove it; bad input refused in the form; environment engines cannot be removed.
import { expect, test } from "./fixtures";
import { VolumesPage } from "./pages/VolumesPage";
import { DockerCli } from "./support/docker";

const peerHost = () => {
  const socket = process.env.VOLDECK_PEER_SOCKET;
  if (!socket) throw new Error("VOLDECK_PEER_SOCKET is not set: run through scripts/run-tests.mjs");
  return `unix://${socket}`;
};

test("add an engine from the UI, test it, see its volumes, remove it", async ({ page, uniqueName, shot }) => {
  const id = uniqueName("eng");
  const peer = new DockerCli(peerHost());
  const volume = peer.trackVolume(uniqueName("on-peer"));
  const version = await peer.run("version", "--format", "{{.Server.Version}}");
  try {
    await page.goto("/admin/engines");
    await expect(page.getByRole("heading", { level: 1, name: "Engines" })).toBeVisible();
    const table = page.getByRole("table", { name: "Engines" });
    const localRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "local", exact: true }) });
    await expect(localRow.getByRole("button", { name: "Remove engine local" })).toBeDisabled();
    await expect(localRow).toContainText("environment");

    await page.getByRole("button", { name: "Add engine" }).click();
    const dialog = page.getByRole("dialog", { name: "Add engine" });
    await expect(dialog).toBeVisible();
    // Bad input is refused in the form, before anything is sent.
    await dialog.getByLabel("Id").fill("Bad Id");
    await dialog.getByRole("button", { name: "Add engine" }).click();
    await expect(dialog.getByLabel("Id")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
    // A wrong address: the test says exactly why.
    await dialog.getByLabel("Id").fill(id);
    await dialog.getByLabel("Name").fill("Peer from the UI");
    await dialog.getByLabel("Address").fill(`${peerHost()}.missing`);
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Connection failed" })).toContainText("ENOENT");
    // The right one: version, API version, Swarm role.
    await dialog.getByLabel("Address").fill(peerHost());
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Connected" })).toContainText(`Docker ${version}`);
    await expect(dialog.getByRole("status").filter({ hasText: "Connected" })).toContainText("no Swarm");
    await shot("engines-add-tested");
    await page.screenshot({ path: "/tmp/eng-add-dialog.png" });
    await dialog.getByRole("button", { name: "Add engine" }).click();
    await expect(dialog).toBeHidden();

    const row = table.getByRole("row").filter({ hasText: id });
    await expect(row).toContainText("Peer from the UI");
    await expect(row).toContainText(`Docker ${version}`);
    await expect(row).toContainText("console");
    await row.getByRole("button", { name: `Test connection to ${id}` }).click();
    await expect(row.getByRole("status")).toContainText(`Connected: Docker ${version}`);
    await page.screenshot({ path: "/tmp/eng-page.png", fullPage: true });

    await peer.createVolume(volume);
    const volumesPage = new VolumesPage(page, id);
    await volumesPage.goto();
    await expect(volumesPage.row(volume)).toBeVisible();

    await page.goto("/admin/engines");
    await row.getByRole("button", { name: `Remove engine ${id}` }).click();
    const confirm = page.getByRole("dialog", { name: `Remove engine ${id}?` });
    await expect(confirm).toContainText("Nothing on the engine itself changes");
    await page.screenshot({ path: "/tmp/eng-remove.png" });
    await confirm.getByRole("button", { name: "Remove engine" }).click();
    await expect(confirm).toBeHidden();
    await expect(table.getByRole("row").filter({ hasText: id })).toHaveCount(0);
    // Its volumes stay on the engine itself.
    expect((await peer.volumeNames()).includes(volume)).toBe(true);
  } finally {
    await page.request.delete(`/api/engines/${id}`, { headers: { Origin: new URL(process.env.VOLDECK_URL ?? "http://127.0.0.1").origin } }).catch(() => {});
    await peer.cleanup();
  }
});
