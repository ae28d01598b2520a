// Restic snapshots from the volume page (issue 12): a real local repository made through the API as admin, real
// restic behind the console. Snapshot now, Compare against the live volume, browse the snapshot, restore one
// path into the live volume, and a viewer who may look but not write. One test: each restic call costs ~1 s.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./auth-fixtures";
import { SHOTS_DIR } from "./fixtures";
import { LoginPage } from "./pages/AuthPages";
import { SnapshotBrowserPage, VolumeSnapshots } from "./pages/SnapshotPages";
import { VolumeDetailPage } from "./pages/VolumeDetailPage";
import { TEST_IMAGE } from "./support/docker";
import { screenshot } from "./support/shots";

const SHOTS = path.join(SHOTS_DIR, "snapshots");

/** The page at 1440×900 and 390×844, light and dark: no sideways scroll at either width. */
async function shots(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await ready();
      // Polled: tables lay themselves out by their measured width (ResizeObserver), a render after the resize.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, { path: path.join(SHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("snapshot a volume from its page, compare with the live volume, browse, restore one path; a viewer only looks", async ({
  page,
  docker,
  uniqueName,
  adminApi,
  makeUser,
  signedOutContext,
}) => {
  test.setTimeout(180_000);
  const volume = uniqueName("snap");
  const repo = uniqueName("repo");
  await docker.createVolume(volume);
  const inVolume = (script: string) => docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", script);
  await inVolume("mkdir -p /v/docs && echo 'first version' > /v/docs/note.txt && echo kept > /v/top.txt");
  const location = path.join(await docker.tempDir("restic"), "repo");
  const made = await adminApi.post("/api/repositories", { data: { id: repo, kind: "local", location, password: "e2e-snapshots-password" } });
  expect(made.status(), await made.text()).toBe(201);
  try {
    const volumePage = new VolumeDetailPage(page);
    const snapshots = new VolumeSnapshots(page, volume);
    await volumePage.goto(volume);
    // Every list reads the repositories live (restic snapshots and stats, ~1 s each on a busy machine).
    await expect(snapshots.section.getByText("No snapshots yet")).toBeVisible({ timeout: 30_000 });
    await snapshots.takeSnapshot(repo);
    await expect(snapshots.rows).toHaveCount(1, { timeout: 30_000 });
    await expect(snapshots.rows.first()).toContainText(repo);
    // What the snapshot added to the repository, recorded when the console made it.
    await expect(snapshots.rows.first()).toContainText(/ · Added \d+(\.\d+)? (B|KB)/);
    await shots(page, "volume-page", () => expect(snapshots.rows.first()).toBeVisible());

    // Changed since the snapshot: Compare against the live volume names it.
    await inVolume("echo 'second, longer version' > /v/docs/note.txt");
    await snapshots.rows
      .first()
      .getByRole("button", { name: /^Compare/ })
      .click();
    const summary = snapshots.dialog.getByLabel("Summary");
    await expect(summary).toHaveText(/1 changed/);
    await expect(summary).toHaveText(/0 added.*0 removed/);
    await expect(snapshots.dialog.getByRole("list", { name: "Changed" })).toContainText("docs/note.txt");
    await shots(page, "compare", () => expect(summary).toBeVisible());
    await snapshots.dialog.getByRole("button", { name: "Close", exact: true }).click();

    // Replacing the whole volume asks for its name typed out first; nothing starts without it.
    await snapshots.rows
      .first()
      .getByRole("button", { name: /^Restore/ })
      .click();
    await snapshots.dialog.getByRole("radio", { name: new RegExp(`^Replace the contents of ${volume}`) }).check();
    await snapshots.dialog.getByRole("button", { name: "Replace contents" }).click();
    await expect(snapshots.dialog.getByText(`Type ${volume} to confirm that its contents are replaced.`)).toBeVisible();
    await screenshot(page, { path: path.join(SHOTS, "restore-dialog-1280-light.png") });
    await snapshots.dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(snapshots.dialog).toBeHidden();

    // Browse the snapshot, open a directory, restore the file from there.
    await snapshots.rows
      .first()
      .getByRole("link", { name: /^Browse/ })
      .click();
    const browser = new SnapshotBrowserPage(page);
    await expect(browser.heading(volume)).toBeVisible();
    await browser.open("docs");
    await expect(browser.table.getByText("note.txt", { exact: true })).toBeVisible();
    await page.getByRole("checkbox", { name: "Select note.txt" }).check();
    await shots(page, "browser", () => expect(page.getByRole("button", { name: "Restore selected…" })).toBeVisible());
    await page.getByRole("checkbox", { name: "Select note.txt" }).uncheck();
    await browser.restoreSelected(["note.txt"], ["/docs/note.txt"]);
    await expect
      .poll(async () => (await adminApi.get(`/api/engines/local/volumes/${volume}/files/content?path=/docs/note.txt`)).text())
      .toBe("first version\n");
    expect(await (await adminApi.get(`/api/engines/local/volumes/${volume}/files/content?path=/top.txt`)).text()).toBe("kept\n");

    // A viewer lists, browses and compares, but is offered no snapshot or restore.
    const viewer = await makeUser("viewer");
    const viewerPage = await (await signedOutContext()).newPage();
    const login = new LoginPage(viewerPage);
    await login.goto();
    await login.signIn(viewer.username, viewer.password);
    await expect(viewerPage).toHaveURL(/\/engines\/local\/volumes$/);
    const seen = new VolumeSnapshots(viewerPage, volume);
    await new VolumeDetailPage(viewerPage).goto(volume);
    await expect(seen.section).toContainText("1 snapshot in 1 repository", { timeout: 30_000 });
    await expect(seen.rows).toHaveCount(1);
    await expect(seen.rows.first().getByRole("link", { name: /^Browse/ })).toBeVisible();
    await expect(seen.rows.first().getByRole("button", { name: /^Compare/ })).toBeVisible();
    await expect(seen.snapshotNow).toHaveCount(0);
    await expect(seen.section.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
    await seen.rows
      .first()
      .getByRole("link", { name: /^Browse/ })
      .click();
    await expect(new SnapshotBrowserPage(viewerPage).heading(volume)).toBeVisible();
    await expect(viewerPage.getByRole("checkbox")).toHaveCount(0);
    await expect(viewerPage.getByText("Restoring files needs the operator role.")).toBeVisible();
  } finally {
    await adminApi.delete(`/api/repositories/${repo}`);
  }
});
