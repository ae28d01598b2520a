// Archives in and out through the browser: upload a tar.gz made with GNU tar and see it listed, see a file that
// is no archive refused with the server's reason, and download a backup whose size is the one listed.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./backup-fixtures";

const run = promisify(execFile);

test("upload a tar.gz (listed, verified), refuse a file that is no archive, download with the listed size", async ({
  docker,
  uniqueName,
  backupsPage,
  trackBackups,
  backupsOf,
  shot,
}) => {
  const dir = await docker.tempDir("upload");
  await mkdir(path.join(dir, "content", "sub dir"), { recursive: true });
  await writeFile(path.join(dir, "content", "hello.txt"), "hello from the browser\n");
  await writeFile(path.join(dir, "content", "sub dir", "data.bin"), randomBytes(64 * 1024));
  const archive = path.join(dir, "upload.tar.gz");
  await run("tar", ["-czf", archive, "-C", path.join(dir, "content"), "."]);
  const junk = path.join(dir, "notes.tar.gz");
  await writeFile(junk, randomBytes(4096)); // named like an archive, but random bytes

  const uploaded = trackBackups(uniqueName("up"));
  const refused = trackBackups(uniqueName("junk"));
  await backupsPage.goto();
  const upload = backupsPage.upload;

  // Nothing picked: the form's own checks (the server's schema for the name) speak on their fields, and the
  // first invalid field, the file input, takes the focus. Nothing was sent.
  await upload.submit.click();
  await expect(upload.file).toHaveAttribute("aria-invalid", "true");
  await expect(upload.file).toHaveAccessibleDescription(/Choose an archive first\./);
  await expect(upload.file).toBeFocused();
  await expect(upload.volume).toHaveAttribute("aria-invalid", "true");
  await expect(upload.volume).toHaveAccessibleDescription(/at least 2 characters/);

  await upload.file.setInputFiles(archive);
  await expect(upload.root).toContainText("Chosen: upload.tar.gz");
  await expect(upload.file).toHaveAttribute("aria-invalid", "false");
  await expect(upload.volume).toHaveValue("upload"); // suggested from the file name
  await upload.volume.fill("-no");
  await upload.submit.click();
  await expect(upload.volume).toBeFocused();
  await expect(upload.volume).toHaveAccessibleDescription(/starting with a letter or digit/);
  await upload.volume.fill(uploaded);
  await upload.submit.click();
  await expect(upload.root.getByRole("status").filter({ hasText: "Uploaded." })).toBeVisible();
  // The field messages went with the upload (once, "Choose an archive first." stood above "Uploaded.").
  await expect(upload.root.getByText("Choose an archive first.")).toHaveCount(0);
  await expect(upload.root.locator("[aria-invalid=true]")).toHaveCount(0);
  const row = backupsPage.rows(uploaded);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("uploaded archive"); // no engine
  await expect(row).toContainText("verified");
  await shot("backups-uploaded");

  await upload.file.setInputFiles(junk);
  await upload.volume.fill(refused);
  await upload.submit.click();
  const alert = upload.root.getByRole("alert");
  await expect(alert).toContainText("The archive was refused.");
  await expect(alert).toContainText(/gzip|tar|archive/i); // the server's own reason follows the title
  await expect(backupsPage.rows(refused)).toHaveCount(0);
  expect(await backupsOf(refused)).toHaveLength(0);
  await shot("backups-upload-refused");

  const [listed] = await backupsOf(uploaded);
  expect(await backupsPage.listedBytes(uploaded)).toBe(listed.sizeBytes);
  const downloadPromise = backupsPage.page.waitForEvent("download");
  await backupsPage.action(uploaded, "Download").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${uploaded}-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.tar\\.gz$`));
  const saved = path.join(dir, "downloaded.tar.gz");
  await download.saveAs(saved);
  expect((await stat(saved)).size).toBe(listed.sizeBytes);
  // And it is the archive that went up, byte for byte.
  expect((await stat(saved)).size).toBe((await stat(archive)).size);
});
