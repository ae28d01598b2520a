// Back up a volume from its page and watch the job to the end; restore that backup into a new volume and
// compare the data with the docker CLI.
import { expect, test } from "./backup-fixtures";
import { BackupDialog } from "./pages/BackupsPage";
import { TEST_IMAGE } from "./support/docker";

test("back up from the detail page with progress to done; restore into a new volume holds the same bytes", async ({
  page,
  docker,
  uniqueName,
  volumeDetailPage,
  backupsPage,
  trackBackups,
  backupsOf,
  shot,
}) => {
  const volume = trackBackups(uniqueName("bk"));
  await docker.createVolume(volume);
  await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", "head -c 20000000 /dev/urandom > /v/big");
  const md5 = async (vol: string) => (await docker.run("run", "--rm", "--network", "none", "-v", `${vol}:/v`, TEST_IMAGE, "md5sum", "/v/big")).split(/\s+/)[0];
  const sourceMd5 = await md5(volume);

  await volumeDetailPage.goto(volume);
  const backup = await BackupDialog.open(page, volume);
  await expect(backup.gzip).toBeChecked();
  await expect(backup.stopContainers).toHaveCount(0); // nothing runs with it: nothing to stop
  await shot("backups-dialog");
  await backup.start.click();

  await expect(backup.job.progress).toBeVisible();
  await backup.job.expectSucceeded();
  await expect(backup.root).toContainText(/Data read (directly from the volume's folder|through the Docker engine's archive API)/);
  await expect(backup.root.getByText(/^\W*verified$/)).toBeVisible(); // "✓ verified", not "unverified"
  await shot("backups-progress-done");
  const [made] = await backupsOf(volume);
  expect(made).toBeDefined();

  // The job links to its backup on the backups page.
  await backup.root.getByRole("link", { name: "See the backup on the Backups page" }).click();
  await expect(backupsPage.heading).toBeVisible();
  const row = backupsPage.rows(volume);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("gzip");
  await expect(row).toContainText("verified");
  await expect(row.getByText("local", { exact: true })).toBeVisible(); // the engine, one fact of the row's line
  await expect(row.getByRole("button", { name: /^Copy the SHA-256/ })).toBeVisible();
  await expect(row.getByTitle(made.sha256)).toHaveText(made.sha256.slice(0, 12));

  // Restore: a name that exists is refused (409) and shown; the default "<volume>-restored" works.
  const restore = await backupsPage.openRestore(volume);
  await expect(restore.engine).toHaveValue("local");
  await expect(restore.intoNew).toBeChecked();
  // What the restore writes: the archive's uncompressed size, from its verification (issue 17).
  await expect(restore.root).toContainText(`Unpacks to ${(made.bytes / 1048576).toFixed(1)} MB of file data`);
  const target = docker.trackVolume(`${volume}-restored`);
  await expect(restore.newName).toHaveValue(target);
  // A name Docker would refuse is refused in the form, on the field, which gets the focus.
  await restore.newName.fill("x");
  await restore.submit.click();
  await expect(restore.newName).toHaveAttribute("aria-invalid", "true");
  await expect(restore.newName).toHaveAccessibleDescription(/at least 2 characters/);
  await expect(restore.newName).toBeFocused();
  // The server's 409 is about the name: it shows on the name field too.
  await restore.newName.fill(volume);
  await restore.submit.click();
  await expect(restore.newName).toHaveAccessibleDescription(new RegExp(`A volume named "${volume}" already exists`));
  await expect(restore.newName).toBeFocused();
  await shot("backups-restore-refused");
  await restore.newName.fill(target);
  await restore.submit.click();
  await restore.job(target).expectSucceeded();
  await shot("backups-restore-done");
  await expect(restore.root.getByRole("link", { name: `Open volume ${target}` })).toBeVisible();

  expect(await md5(target)).toBe(sourceMd5);
  await restore.root.getByRole("button", { name: "Close" }).click();

  // Replace: refused while a container runs on the target (the dialog names it); done once it may be stopped,
  // and the container runs again afterwards. (A 1 s stop timeout: busybox sleep ignores SIGTERM.)
  const user = `${volume}-user`;
  await docker.runSleeper(user, "--stop-timeout", "1", "-v", `${target}:/data`);
  await docker.run("run", "--rm", "--network", "none", "-v", `${target}:/v`, TEST_IMAGE, "sh", "-c", "echo changed > /v/big");
  const replace = await backupsPage.openRestore(volume);
  await replace.replace.check();
  await replace.target.selectOption(target);
  await expect(replace.root).toContainText(`Running now: ${user}`);
  await replace.submit.click();
  await expect(replace.error).toContainText(`Not restored: ${target} is in use`);
  await expect(replace.error.getByRole("listitem")).toHaveText(`${user} (running)`);
  await shot("backups-restore-in-use");
  await replace.stopContainers.check();
  await replace.submit.click();
  const replaced = replace.job(target, true);
  await replaced.expectSucceeded();
  await expect(replaced.state).toContainText(`Stopped for the job and started again: ${user}`);
  expect(await md5(target)).toBe(sourceMd5);
  expect(await docker.run("inspect", "-f", "{{.State.Running}}", user)).toBe("true");
});

test("a running backup shows bytes, rate and time left on the Backups page; Cancel stops it and keeps nothing", async ({
  docker,
  uniqueName,
  api,
  backupsPage,
  trackBackups,
  backupsOf,
  shot,
}) => {
  const volume = trackBackups(uniqueName("slow"));
  await docker.createVolume(volume);
  // 20 MB at 1 MiB/s: about 19 s of running backup, time enough for a slow page on a busy machine to show it.
  await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", "head -c 20000000 /dev/urandom > /v/big");
  // With the volume's size known the job has a total: percent and time left can be shown.
  await expect
    .poll(async () => ((await (await api.get(`/api/engines/local/volumes/${volume}`)).json()) as { sizeBytes: number | null }).sizeBytes, { timeout: 20_000 })
    .toBeGreaterThan(19_000_000);
  // Slowed down (1 MiB/s) through the API, so that it is still running while the page shows it.
  const res = await api.post(`/api/engines/local/volumes/${volume}/backups`, { data: { compression: "none", rateLimit: 1 << 20 } });
  expect(res.status()).toBe(202);

  await backupsPage.goto();
  // A row of the jobs table: it stays the job's row once the job is over.
  const job = backupsPage.jobRow(`Backup of ${volume}`);
  const progress = job.getByRole("progressbar", { name: `Backup of ${volume}: progress` });
  await expect(progress).toBeVisible();
  // On a loaded machine the engine may send slower than the limit: the time left may then read in minutes (or hours).
  await expect(job).toContainText(/of 19\.1 MB · \d+% · [\d.]+ (KB|MB)\/s · about (\d+ h( \d+ min)?|\d+ min( \d+ s)?|\d+ s) left/);
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(0);
  await shot("backups-job-running");

  await job.getByRole("button", { name: `Cancel backup of ${volume}` }).click();
  await expect(job.getByText("cancelled", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(backupsPage.rows(volume)).toHaveCount(0);
  expect(await backupsOf(volume)).toHaveLength(0);
  await shot("backups-job-cancelled");
});
