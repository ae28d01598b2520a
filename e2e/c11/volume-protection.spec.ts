// Issue 11 (volume page, backups, schedules): each defect the issue saw there, and every page of this part at
// phone and desktop size, light and dark: no sideways scroll, no serious or critical axe finding, a screenshot.
import type { Page } from "@playwright/test";
import { expect, test } from "../backup-fixtures";
import { BackupsPage } from "../pages/BackupsPage";
import { seriousViolations } from "../support/axe";
import { screenshot } from "../support/shots";

const SHOTS = process.env.VOLDECK_SHOTS_DIR ?? "/tmp/voldeck-11c-shots";
// Four axe scans and screenshots per page on a busy machine take longer than the default minute.
test.describe.configure({ timeout: 300_000 });

async function checkPage(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${name} ${w} ${scheme}` })
        .toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), `${name} ${w} ${scheme}`).toEqual([]);
      await screenshot(page, { path: `${SHOTS}/${name}-${w}-${scheme}.png`, fullPage: w === 1440 });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("volume page: title whole on a phone, Protection panel with the volume's backups, Remove names the holders first", async ({
  page,
  docker,
  uniqueName,
  volumeDetailPage,
  trackBackups,
  api,
}) => {
  const name = trackBackups(uniqueName("protected-volume-with-a-long-name"));
  await docker.createVolume(name, { "com.docker.compose.project": "shop", "com.docker.compose.volume": "db" });
  const holder = uniqueName("holder");
  await docker.runSleeper(holder, "-v", `${name}:/data`);
  const made = await api.post(`/api/engines/local/volumes/${name}/backups`, { data: {} });
  expect(made.status()).toBe(202);
  const jobId = ((await made.json()) as { job: { id: string } }).job.id;
  await expect.poll(async () => ((await (await api.get(`/api/jobs/${jobId}`)).json()) as { state: string }).state, { timeout: 30_000 }).toBe("succeeded");

  await page.setViewportSize({ width: 390, height: 844 });
  await volumeDetailPage.goto(name);
  // One letter per line made the title many times taller than one line; wrapped, it takes two or three.
  const title = volumeDetailPage.heading(name);
  const box = await title.boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  expect(box!.height).toBeLessThan(120);
  await expect(page.getByRole("button", { name: `Actions for volume ${name}` })).toBeVisible();

  await expect(page.getByRole("heading", { name: "Protection" })).toBeVisible();
  await expect(page.getByText("Last verified backup")).toBeVisible();
  const mine = page.getByRole("list", { name: `Backups of ${name}` }).getByRole("listitem");
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("link", { name: /^Download/ })).toHaveAttribute("href", /\/api\/backups\/.+\/download/);
  await expect(mine.getByRole("button", { name: /^Restore/ })).toBeVisible();
  await checkPage(page, "volume");

  // Restore from the volume page: the compose labels stay out unless ticked.
  await mine.getByRole("button", { name: /^Restore/ }).click();
  const restore = page.getByRole("dialog", { name: /^Restore / });
  await expect(restore.getByRole("checkbox", { name: /Keep the Docker Compose labels \(project shop\)/ })).not.toBeChecked();
  await restore.getByRole("button", { name: "Cancel" }).click();

  // Remove: the holder is named as the dialog opens, and the button waits with the reason.
  await page.getByRole("button", { name: "Remove…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Remove volume/ });
  await expect(dialog).toContainText(holder);
  await expect(dialog.getByRole("button", { name: "Remove volume" })).toBeDisabled();
  await expect(dialog).toContainText("In use by 1 container");
});

test("backups page: catalog first, grouped per volume, searchable; after an upload no stale 'Choose an archive first.'", async ({
  page,
  uniqueName,
  trackBackups,
}) => {
  const backups = new BackupsPage(page);
  const volume = trackBackups(uniqueName("uploaded"));
  await backups.goto();
  // Submitting with no file says so; after a successful upload that message is gone.
  await backups.upload.submit.click();
  await expect(backups.upload.root.getByText("Choose an archive first.")).toBeVisible();
  await backups.upload.file.setInputFiles({ name: "empty.tar", mimeType: "application/x-tar", buffer: Buffer.alloc(1024) });
  await backups.upload.volume.fill(volume);
  await backups.upload.submit.click();
  await expect(backups.upload.root.getByRole("status").filter({ hasText: "Uploaded." })).toBeVisible();
  await expect(backups.upload.root.getByText("Choose an archive first.")).toHaveCount(0);

  // The catalog starts above the fold, before the upload form and the jobs.
  const catalogTop = (await backups.table.boundingBox())!.y;
  expect(catalogTop).toBeLessThan(900);
  const uploadTop = (await backups.upload.root.boundingBox())!;
  expect(uploadTop.x > 700 || uploadTop.y > catalogTop).toBe(true);

  // Search (kept in the URL), one group per volume with its count.
  await page.getByRole("searchbox", { name: "Search backups" }).fill(volume);
  await expect(page).toHaveURL(new RegExp(`q=${volume}`));
  await expect(backups.group(volume)).toContainText("1 backup");
  await expect(backups.table.getByRole("heading", { level: 2 })).toHaveCount(1); // one group
  await backups.group(volume).click();
  await expect(backups.rows(volume)).toHaveCount(0);
  await backups.group(volume).click();
  await expect(backups.rows(volume)).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search backups" })).toHaveValue(volume);
  await page.getByRole("searchbox", { name: "Search backups" }).fill("");
  await checkPage(page, "backups");
});

test("schedules page: phone and desktop, light and dark", async ({ page }) => {
  await page.goto("/schedules");
  await expect(page.getByRole("heading", { level: 1, name: "Scheduled backups" })).toBeVisible();
  await checkPage(page, "schedules");
});
