// A viewer sees everything and can change nothing: no create, prune or remove buttons, no admin pages.
import { expect, test } from "./auth-fixtures";
import { LoginPage, ShellHeader } from "./pages/AuthPages";
import { VolumesPage } from "./pages/VolumesPage";

test("a viewer sees no destructive buttons and no admin links", async ({ docker, uniqueName, makeUser, signedOutContext, adminApi, shotOf }) => {
  const volume = uniqueName("viewer-sees");
  await docker.createVolume(volume);
  await docker.createContainer(`${volume}-holder`, "-v", `${volume}:/data`);
  const viewer = await makeUser("viewer");

  const page = await (await signedOutContext()).newPage();
  const login = new LoginPage(page);
  const header = new ShellHeader(page);
  const volumes = new VolumesPage(page);
  await login.goto();
  await login.signIn(viewer.username, viewer.password);
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/);
  await header.expectSignedInAs(viewer.username, "viewer");

  await expect(page.getByRole("link", { name: volume, exact: true })).toBeVisible();
  await expect(volumes.createButton).toHaveCount(0);
  await expect(volumes.pruneButton).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(header.nav.getByRole("link", { name: "Volumes" })).toBeVisible();
  await expect(header.adminLinks()).toHaveCount(0);
  await shotOf(page, "auth-viewer-volumes");

  await page.getByRole("link", { name: volume, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: volume })).toBeVisible();
  await expect(page.getByRole("table", { name: `Containers that mount ${volume}` })).toBeVisible();
  // Nothing that changes data, and no backup download (a viewer may not take the data away either).
  await expect(page.getByRole("button", { name: /^(remove|delete|prune|create|back ?up|restore|clone)/i })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^download/i })).toHaveCount(0);

  await page.goto("/engines/local/containers");
  await expect(page.getByRole("heading", { level: 1, name: "Containers & mounts" })).toBeVisible();
  await expect(page.getByText(`${volume}-holder`).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^(remove|delete|prune|create|stop|start)/i })).toHaveCount(0);

  // The backups page (where there is one) lists backups without a way to download, restore or delete them.
  const backupsLink = header.nav.getByRole("link", { name: "Backups" });
  if (await backupsLink.count()) {
    const upload = await adminApi.post(`/api/backups?volume=${volume}`, { data: Buffer.alloc(1024), headers: { "Content-Type": "application/x-tar" } });
    expect(upload.status(), await upload.text()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    try {
      await backupsLink.click();
      await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${volume} `) })).toBeVisible(); // the volume heads its group
      await expect(page.getByRole("link", { name: /^download/i })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(download|restore|delete|remove|upload|back ?up|clone)/i })).toHaveCount(0);
    } finally {
      await adminApi.delete(`/api/backups/${id}`);
    }
  }

  // Typing an admin address gets a refusal, not the page.
  for (const path of ["/admin/users", "/admin/tokens", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  await shotOf(page, "auth-viewer-admin-refused");
});
