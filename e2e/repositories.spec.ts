// The Repositories page with real restic: an admin adds a local repository with a generated password (shown
// once, and it opens the repository with the plain restic CLI), a second connection with a wrong password is
// refused in the dialog, a viewer only looks, and removing forgets the repository but leaves its data.
import { execFile } from "node:child_process";
import { mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, test } from "./auth-fixtures";
import { seriousViolations } from "./support/axe";
import { LoginPage } from "./pages/AuthPages";
import { RepositoriesPage } from "./pages/RepositoriesPage";
import { screenshot } from "./support/shots";

const run = promisify(execFile);
const SHOTS = "/tmp/e2e-shots/repo-page";

/**
 * The add dialog with the kind that has the most fields, on a phone in dark: no serious axe violation, and a
 * screenshot to look at. (The page itself is checked at both sizes and in both themes by every-page.spec.ts.)
 */
async function checkDialogOnPhone(page: Page, repos: RepositoriesPage) {
  await mkdir(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await repos.goto();
  await repos.add.click();
  await repos.dialog.kind("S3").check();
  await expect(repos.dialog.root.getByLabel("Secret access key")).toBeVisible();
  expect.soft(await seriousViolations(page), "add dialog: accessibility").toEqual([]);
  await screenshot(page, { path: path.join(SHOTS, "add-s3-390-dark.png") });
  await repos.dialog.cancel.click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("an admin adds a repository (password shown once), a wrong password is refused, a viewer only looks, removing keeps the data", async ({
  page,
  docker,
  uniqueName,
  makeUser,
  signedOutContext,
  adminApi,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const location = path.join(await docker.tempDir("repo"), "restic");
  const id = uniqueName("repo");
  const repos = new RepositoriesPage(page);
  // A failure half-way must not leave the repository listed for the next specs (its directory goes with the test).
  try {
    await scenario();
  } finally {
    for (const added of [id, `${id}-again`]) await adminApi.delete(`/api/repositories/${added}`);
  }

  async function scenario() {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Repositories" }).click();
    await expect(repos.heading).toBeVisible();

    // Added with a generated password, which shows once and can be copied.
    await repos.add.click();
    const dialog = repos.dialog;
    await dialog.id.fill(id);
    await dialog.location.fill(location);
    await dialog.submit.click();
    await expect(dialog.root.getByText("Store this password now: without it the backups cannot be read.")).toBeVisible({ timeout: 30_000 });
    const password = await dialog.generated.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(24);
    await screenshot(page, { path: path.join(SHOTS, "password-once.png") });
    await dialog.copy.click();
    await expect(dialog.root.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await dialog.stored.click();
    await expect(dialog.root).toHaveCount(0);

    // Listed, reachable and empty; the password is nowhere on the page again, and it opens the repository with restic.
    const row = repos.row(id);
    await expect(row).toContainText("Reachable");
    await expect(repos.figure(id, "Snapshots")).toHaveText("0");
    await expect(repos.figure(id, "Dedup")).toHaveAttribute("title", /No snapshots yet/);
    await expect(page.locator("body")).not.toContainText(password);
    await run("restic", ["-r", location, "cat", "config", "--no-lock"], { env: { ...process.env, RESTIC_PASSWORD: password } });

    // The same place again with a wrong password: refused, and said so in the dialog, on the password field.
    await repos.add.click();
    await dialog.id.fill(`${id}-again`);
    await dialog.location.fill(location);
    await dialog.password.fill("not-the-password");
    await dialog.connectOnly.check();
    await dialog.submit.click();
    await expect(dialog.root.getByRole("alert")).toContainText("Wrong password.", { timeout: 30_000 });
    await expect(dialog.root.getByRole("alert")).toContainText(`The password does not open the repository at ${location}.`);
    await expect(dialog.password).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, { path: path.join(SHOTS, "wrong-password.png") });
    await dialog.cancel.click();
    await expect(repos.row(`${id}-again`)).toHaveCount(0);

    await checkDialogOnPhone(page, repos);

    // A viewer sees the repository, and no way to add or remove one.
    const viewer = await makeUser("viewer");
    const viewerPage = await (await signedOutContext()).newPage();
    const login = new LoginPage(viewerPage);
    await login.goto();
    await login.signIn(viewer.username, viewer.password);
    await expect(viewerPage).toHaveURL(/\/engines\/local\/volumes$/);
    const seen = new RepositoriesPage(viewerPage);
    await seen.goto();
    await expect(seen.row(id)).toContainText("Reachable");
    await expect(viewerPage.getByText("Only an admin can add or remove one.")).toBeVisible();
    await expect(seen.add).toHaveCount(0);
    await expect(seen.removeButton(id)).toHaveCount(0);

    // Moved away, the repository is listed as unreachable, with the server's sentence; back, it is reachable again.
    await rename(location, `${location}.moved`);
    try {
      await repos.goto();
      await expect(repos.row(id)).toContainText(`Unreachable. There is no restic repository at ${location}.`, { timeout: 20_000 });
      await screenshot(page, { path: path.join(SHOTS, "unreachable-1280-dark.png") });
    } finally {
      await rename(`${location}.moved`, location);
    }
    await repos.goto();
    await expect(repos.row(id)).toContainText("Reachable", { timeout: 20_000 });

    // Removing asks first, says the data stays, and does leave it.
    await repos.removeButton(id).click();
    const confirm = page.getByRole("dialog", { name: `Remove repository ${id}?` });
    await expect(confirm).toContainText("The repository's data is left where it is");
    await confirm.getByRole("button", { name: "Remove repository" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(repos.row(id)).toHaveCount(0);
    expect((await stat(path.join(location, "config"))).isFile()).toBe(true);
  }
});
