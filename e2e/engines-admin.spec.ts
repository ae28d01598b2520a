// Admin → Engines: add an engine (the "peer" test engine's socket, under a new id), test it before saving,
// see its volumes, remove it; bad input refused in the form; environment engines cannot be removed.
import { expect, test } from "./fixtures";
import { VolumesPage } from "./pages/VolumesPage";
import { DockerCli } from "./support/docker";
import { screenshot } from "./support/shots";

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
    await expect(dialog.getByLabel("Id")).toHaveAccessibleDescription(/lower-case letters/);
    await expect(dialog.getByLabel("Id")).toBeFocused();
    await expect(dialog.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Address")).toHaveAccessibleDescription("Give the address, like unix:///var/run/docker.sock.");
    // A wrong address: the test says exactly why.
    await dialog.getByLabel("Id").fill(id);
    await dialog.getByLabel("Name").fill("Peer from the UI");
    await dialog.getByLabel("Address").fill(`${peerHost()}.missing`);
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Connection failed" })).toContainText("ENOENT");
    await screenshot(page, { path: "/tmp/eng-add-test-failed.png" });
    // The right one: version, API version, Swarm role.
    await dialog.getByLabel("Address").fill(peerHost());
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Connected" })).toContainText(`Docker ${version}`);
    await expect(dialog.getByRole("status").filter({ hasText: "Connected" })).toContainText("no Swarm");
    await shot("engines-add-tested");
    await screenshot(page, { path: "/tmp/eng-add-dialog.png" });
    await dialog.getByRole("button", { name: "Add engine" }).click();
    await expect(dialog).toBeHidden();

    const row = table.getByRole("row").filter({ hasText: id });
    await expect(row).toContainText("Peer from the UI");
    await expect(row).toContainText(`Docker ${version}`);
    await expect(row).toContainText("console");
    await row.getByRole("button", { name: `Test connection to ${id}` }).click();
    await expect(row.getByRole("status")).toContainText(`Connected: Docker ${version}`);
    await screenshot(page, { path: "/tmp/eng-page.png", fullPage: true });

    await row.getByRole("button", { name: `Edit engine ${id}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit engine ${id}` });
    await expect(edit.getByLabel("Address")).toHaveValue(peerHost());
    await edit.getByLabel("Name").fill("Peer, renamed");
    await screenshot(page, { path: "/tmp/eng-edit.png" });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText("Peer, renamed");

    await peer.createVolume(volume);
    const volumesPage = new VolumesPage(page, id);
    await volumesPage.goto();
    await expect(volumesPage.row(volume)).toBeVisible();

    await page.goto("/admin/engines");
    await row.getByRole("button", { name: `Remove engine ${id}` }).click();
    const confirm = page.getByRole("dialog", { name: `Remove engine ${id}?` });
    await expect(confirm).toContainText("Nothing on the engine itself changes");
    await screenshot(page, { path: "/tmp/eng-remove.png" });
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

test("the add dialog asks for TLS certificates or an SSH key, reads PEM files, and shows the server's refusal", async ({ page, shot }) => {
  await page.goto("/admin/engines");
  await page.getByRole("button", { name: "Add engine" }).click();
  const dialog = page.getByRole("dialog", { name: "Add engine" });
  // Every request the dialog sends to save an engine: what the form refuses must never get there.
  const saves: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/engines") saves.push(r.postData() ?? "");
  });
  await dialog.getByLabel("Id").fill("vde-tls-form");
  await dialog.getByRole("radio", { name: "TCP (with TLS)" }).check();
  await dialog.getByLabel("Address").fill("tcp://127.0.0.1:1");
  await dialog.getByRole("button", { name: "Add engine" }).click();
  // Each missing part on its own field, the first one focused.
  const ca = dialog.getByRole("textbox", { name: "CA certificate" });
  await expect(ca).toHaveAttribute("aria-invalid", "true");
  await expect(ca).toHaveAccessibleDescription("Give the CA certificate.");
  await expect(ca).toBeFocused();
  await expect(dialog.getByRole("textbox", { name: "Client key" })).toHaveAccessibleDescription("Give the client key.");
  // A file picked for the CA is read into the field; nonsense PEM is refused by the server, which says which part.
  await dialog
    .getByLabel("CA certificate: Load from a file")
    .setInputFiles({ name: "ca.pem", mimeType: "text/plain", buffer: Buffer.from("not a certificate") });
  await expect(dialog.getByRole("textbox", { name: "CA certificate" })).toHaveValue("not a certificate");
  await dialog.getByRole("textbox", { name: "Client certificate" }).fill("also not");
  await dialog.getByRole("textbox", { name: "Client key" }).fill("nor this");
  await dialog.getByRole("button", { name: "Add engine" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "The engine was not added." })).toContainText("CA certificate is not a PEM certificate");
  await screenshot(page, { path: "/tmp/eng-tls-dialog.png" });
  // Plain TCP is allowed, with a warning; a password in the address is refused and never shown back.
  await dialog.getByRole("checkbox", { name: /Verify the engine/ }).uncheck();
  await expect(dialog).toContainText("Without TLS anyone who can reach that port controls the engine");
  await dialog.getByLabel("Address").fill("tcp://admin:s3cr3t@127.0.0.1:1");
  await dialog.getByRole("button", { name: "Add engine" }).click();
  // The server's own address rule, applied in the form: refused on the field, the password never shown back.
  await expect(dialog.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Address")).toHaveAccessibleDescription(/must not carry a password/);
  await expect(dialog.getByLabel("Address")).not.toHaveAccessibleDescription(/s3cr3t/);
  await expect(dialog.getByLabel("Address")).toBeFocused();
  await screenshot(page, { path: "/tmp/eng-tcp-plain-dialog.png" });
  await dialog.getByRole("radio", { name: "SSH" }).check();
  await expect(dialog.getByLabel("Address")).toHaveValue("");
  await expect(dialog.getByLabel("Passphrase")).toBeVisible();
  await expect(dialog.getByText("The engine was not added.")).toBeHidden();
  await screenshot(page, { path: "/tmp/eng-ssh-dialog.png" });
  await shot("engines-ssh-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get("/api/engines/vde-tls-form")).status()).toBe(404);
  // Only the complete (if nonsensical) certificates were sent; the missing ones and the password address were not.
  expect(saves).toHaveLength(1);
  expect(saves[0]).toContain("not a certificate");
});

test("an unreachable engine's row says what to do in a sentence, with the raw error under Details", async ({ page, uniqueName, shot }) => {
  const id = uniqueName("eng-down");
  const origin = new URL(process.env.VOLDECK_URL ?? "http://127.0.0.1").origin;
  // A socket path where nothing listens: the engine is added (its status shows why it does not answer).
  const added = await page.request.post("/api/engines", { data: { id, url: `${peerHost()}.missing` }, headers: { Origin: origin } });
  expect(added.status()).toBe(201);
  try {
    await page.goto("/admin/engines");
    const row = page
      .getByRole("table", { name: "Engines" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: id }) });
    await expect(row).toContainText("Unreachable.");
    await expect(row).toContainText("Nothing is listening at the engine's address");
    // The raw "connect ENOENT /path" is not what the row says; it is there, folded, for whoever fixes it.
    await expect(row).not.toContainText("connect ENOENT", { useInnerText: true });
    await row.getByText("Details", { exact: true }).click();
    await expect(row.locator("details code")).toBeVisible();
    await expect(row.locator("details code")).toContainText("ENOENT");
    await shot("engines-unreachable-details");
  } finally {
    await page.request.delete(`/api/engines/${id}`, { headers: { Origin: origin } }).catch(() => {});
  }
});
