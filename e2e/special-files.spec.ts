// An uploaded archive with a device node and a setuid-root file: the browser names both after the upload and in
// the restore dialog, and the restore goes ahead only once "Restore the device nodes too" is ticked.
import { lstat, writeFile } from "node:fs/promises";
import path from "node:path";
import tarStream from "tar-stream";
import { expect, test } from "./backup-fixtures";

/** ./, a char device like /dev/null (1,3) and a setuid-root script: made by hand, as no tree here holds them. */
async function archiveWithSpecialFiles(): Promise<Buffer> {
  const pack = tarStream.pack();
  const parts: Buffer[] = [];
  pack.on("data", (c: unknown) => parts.push(c as Buffer));
  const ended = new Promise<void>((r) => pack.on("end", () => r()));
  pack.entry({ name: "./", type: "directory", mode: 0o755, uid: 0, gid: 0 });
  pack.entry({ name: "./null", type: "character-device", mode: 0o666, uid: 0, gid: 0, devmajor: 1, devminor: 3 });
  pack.entry({ name: "./su", mode: 0o4755, uid: 0, gid: 0 }, "#!/bin/sh\n");
  pack.finalize();
  await ended;
  return Buffer.concat(parts);
}

test("device nodes and setuid-root files are named, and device nodes are restored only when ticked", async ({
  docker,
  uniqueName,
  backupsPage,
  trackBackups,
  shot,
}) => {
  const file = path.join(await docker.tempDir("special"), "special.tar");
  await writeFile(file, await archiveWithSpecialFiles());
  const volume = trackBackups(uniqueName("special"));
  await backupsPage.goto();
  const upload = backupsPage.upload;
  await upload.file.setInputFiles(file);
  await upload.volume.fill(volume);
  await upload.submit.click();
  await expect(upload.root.getByRole("status").filter({ hasText: "Uploaded." })).toBeVisible();
  const afterUpload = upload.root.getByRole("note", { name: "Special files" });
  await expect(afterUpload).toContainText("1 device node");
  await expect(afterUpload).toContainText("null (char 1,3)");
  await expect(afterUpload).toContainText("1 setuid-root file");
  await expect(afterUpload.getByRole("checkbox")).toHaveCount(0); // the choice belongs to the restore

  const restore = await backupsPage.openRestore(volume);
  const notice = restore.root.getByRole("note", { name: "Special files" });
  await expect(notice).toContainText("null (char 1,3)");
  await expect(notice).toContainText("su");
  const allow = notice.getByRole("checkbox", { name: /Restore the device nodes too/ });
  await expect(allow).not.toBeChecked();
  const target = docker.trackVolume(`${volume}-restored`);
  await restore.submit.click();
  await expect(restore.error).toContainText("1 device node (null (char 1,3))");
  expect(await docker.inspectVolume(target)).toBeNull(); // refused before anything was made
  await shot("backups-restore-devices-refused");
  await allow.check();
  await restore.submit.click();
  await restore.job(target).expectSucceeded();
  const mountpoint = (await docker.inspectVolume(target))!.Mountpoint;
  expect((await lstat(path.join(mountpoint, "null"))).isCharacterDevice()).toBe(true);
});
