// A volume copied to another engine ("peer") from its page: target engine and name chosen, the job followed to
// success, the copy then on peer's volumes page; Move (a radio beside Copy) asks for a confirmation, and is refused in the dialog
// while a container uses the volume; a backup restored into another engine from the Backups page.
import { test as backupTest } from "./backup-fixtures";
import { expect, test } from "./fixtures";
import { CopyOrMoveDialog } from "./pages/BackupsPage";
import { VolumesPage } from "./pages/VolumesPage";
import { DockerCli, TEST_IMAGE } from "./support/docker";
import { screenshot } from "./support/shots";

const peerHost = () => {
  const socket = process.env.VOLDECK_PEER_SOCKET;
  if (!socket) throw new Error("VOLDECK_PEER_SOCKET is not set: run the e2e tests through scripts/run-tests.mjs");
  return `unix://${socket}`;
};

test("copy a volume to the peer engine and see it there", async ({ page, docker, uniqueName, volumeDetailPage, shot }) => {
  const peer = new DockerCli(peerHost());
  try {
    const source = await docker.createVolume(uniqueName("tocopy"), { team: "e2e" });
    await docker.run(
      "run",
      "--rm",
      "--network",
      "none",
      "-v",
      `${source}:/v`,
      TEST_IMAGE,
      "sh",
      "-c",
      "echo hello > /v/hello && head -c 3000000 /dev/urandom > /v/blob",
    );
    const target = peer.trackVolume(`${source}-moved-here`);

    await volumeDetailPage.goto(source);
    const dialog = await CopyOrMoveDialog.open(page, source);
    await expect(dialog.engine.locator("option", { hasText: /^spare/ })).toBeDisabled(); // down: offered with its reason, not choosable
    await dialog.engine.selectOption("peer");
    await expect(dialog.name).toHaveValue(source); // another engine: the same name by default
    await dialog.name.fill(target);
    // A move needs its own confirmation before it can start; back to Copy, this is a plain copy.
    await dialog.move.check();
    await expect(dialog.submit("Move", "peer")).toBeDisabled();
    await dialog.confirmMove.check();
    await expect(dialog.submit("Move", "peer")).toBeEnabled();
    await screenshot(page, { path: "/tmp/copy-move-confirm.png" });
    await dialog.copy.check();
    await expect(dialog.move).not.toBeChecked();
    await expect(dialog.confirmMove).toHaveCount(0);
    await expect(dialog.root.getByRole("heading", { name: `Copy or move ${source}` })).toBeVisible();
    await shot("copy-dialog");
    await screenshot(page, { path: "/tmp/copy-dialog.png" });
    await dialog.submit("Copy", "peer").click();

    const title = `Copy of ${source} to ${target} on engine peer`;
    await expect(dialog.root.getByRole("progressbar", { name: `${title}: progress` })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(dialog.root.getByRole("region", { name: title }).getByText("succeeded", { exact: true })).toBeVisible();
    await screenshot(page, { path: "/tmp/copy-done.png" });
    await dialog.root.getByRole("link", { name: `Open volume ${target}` }).click();
    await expect(page).toHaveURL(new RegExp(`/engines/peer/volumes/${target}$`));

    const peerVolumes = new VolumesPage(page, "peer");
    await peerVolumes.goto();
    await peerVolumes.search.fill(target);
    await expect(page.getByRole("row").filter({ hasText: target })).toHaveCount(1);
    await screenshot(page, { path: "/tmp/copy-peer-volumes.png" });
    expect(await peer.run("run", "--rm", "--network", "none", "-v", `${target}:/v`, TEST_IMAGE, "cat", "/v/hello")).toBe("hello");
    expect(JSON.parse(await peer.run("volume", "inspect", target))[0].Labels).toEqual({ team: "e2e" });
    expect(await docker.run("volume", "ls", "-q", "--filter", `name=^${source}$`)).toBe(source); // a copy: the source stays
  } finally {
    await peer.cleanup();
  }
});

test("a move asks for confirmation, and is not offered while a container uses the volume", async ({ page, docker, uniqueName, volumeDetailPage }) => {
  const source = await docker.createVolume(uniqueName("busy"));
  await docker.runSleeper(uniqueName("app"), "-v", `${source}:/data`);
  await volumeDetailPage.goto(source);
  const dialog = await CopyOrMoveDialog.open(page, source);
  await dialog.engine.selectOption("peer");
  await expect(dialog.submit("Copy", "peer")).toBeEnabled(); // a copy is fine while the volume is in use
  await dialog.move.check();
  await expect(dialog.root.getByRole("heading", { name: `Copy or move ${source}` })).toBeVisible();
  await expect(dialog.error).toContainText("cannot be moved while anything uses it");
  await expect(dialog.submit("Move", "peer")).toBeDisabled();
  await expect(dialog.confirmMove).toHaveCount(0);
  await screenshot(page, { path: "/tmp/copy-move-refused.png" });
});

backupTest("restore a backup taken on local into the peer engine", async ({ page, docker, uniqueName, backupsPage, api, trackBackups }) => {
  const peer = new DockerCli(peerHost());
  try {
    const volume = trackBackups(await docker.createVolume(uniqueName("xrestore")));
    await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", "echo across > /v/f");
    const started = await api.post(`/api/engines/local/volumes/${volume}/backups`, { data: { compression: "gzip" } });
    expect(started.status()).toBe(202);
    const jobId = (await started.json()).job.id;
    await expect.poll(async () => (await (await api.get(`/api/jobs/${jobId}`)).json()).state, { timeout: 60_000 }).toBe("succeeded");

    await backupsPage.goto();
    const restore = await backupsPage.openRestore(volume);
    await expect(restore.engine.locator("option", { hasText: /^spare/ })).toBeDisabled();
    await restore.engine.selectOption("peer");
    const target = peer.trackVolume(`${volume}-restored`);
    await expect(restore.newName).toHaveValue(target);
    await screenshot(page, { path: "/tmp/copy-restore-peer.png" });
    await restore.submit.click();
    await restore.job(target).expectSucceeded(60_000);
    expect(await peer.run("run", "--rm", "--network", "none", "-v", `${target}:/v`, TEST_IMAGE, "cat", "/v/f")).toBe("across");
  } finally {
    await peer.cleanup();
  }
});
