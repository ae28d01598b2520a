// A viewer lists backups but may not take their data away or change anything: no download, restore, delete or
// upload, no selection for backups in the volumes list; the server refuses the download anyway.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./auth-fixtures";
import { LoginPage } from "./pages/AuthPages";
import { BackupsPage } from "./pages/BackupsPage";

const run = promisify(execFile);

test("a viewer sees the backups, and no download, restore, delete, upload or selection", async ({
  docker,
  uniqueName,
  adminApi,
  makeUser,
  signedOutContext,
  shotOf,
}) => {
  const dir = await docker.tempDir("viewer");
  await mkdir(path.join(dir, "c"));
  await writeFile(path.join(dir, "c", "f.txt"), "viewer\n");
  await run("tar", ["-czf", path.join(dir, "a.tar.gz"), "-C", path.join(dir, "c"), "."]);
  const volume = uniqueName("seen");
  const res = await adminApi.post(`/api/backups?volume=${volume}`, {
    data: await readFile(path.join(dir, "a.tar.gz")),
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };

  try {
    const viewer = await makeUser("viewer");
    const page = await (await signedOutContext()).newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(viewer.username, viewer.password);
    await expect(page).toHaveURL(/\/engines\/local\/volumes$/);
    await expect(page.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);

    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Backups" }).click();
    const backups = new BackupsPage(page);
    await expect(backups.heading).toBeVisible();
    await expect(backups.rows(volume)).toHaveCount(1);
    await expect(backups.rows(volume)).toContainText("verified");
    await expect(page.getByRole("link", { name: /^download/i })).toHaveCount(0);
    // Names that start with an action; a backup may itself be called "uploaded" (its copy button names it).
    await expect(page.getByRole("button", { name: /^(restore|delete|upload)/i })).toHaveCount(0);
    await expect(backups.upload.root).toHaveCount(0);
    await shotOf(page, "backups-viewer");
    expect((await page.request.get(`/api/backups/${id}/download`)).status()).toBe(403);
  } finally {
    await adminApi.delete(`/api/backups/${id}`);
  }
});
