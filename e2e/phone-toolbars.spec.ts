// Toolbars that must stay usable on a phone (390 px) and lists that must not break their words (issue 11): the
// files filter keeps a real width with the download below it, search placeholders are read whole rather than cut
// mid-letter, and a finished job's "Show backup" stays on one line beside a long volume name.
import type { Locator } from "@playwright/test";
import { expect, test } from "./backup-fixtures";
import { FilesPage } from "./pages/FilesPage";

const PHONE = { width: 390, height: 844 };

/** The placeholder's width in the input's own font, and the room the input gives it (inside padding). */
function placeholderFit(input: Locator): Promise<{ text: string; need: number; room: number }> {
  return input.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: el.placeholder, need: ctx.measureText(el.placeholder).width, room };
  });
}

async function expectWholePlaceholder(input: Locator): Promise<void> {
  const fit = await placeholderFit(input);
  expect(fit.text.length, "the input has a placeholder").toBeGreaterThan(0);
  expect(fit.need, `"${fit.text}" fits its input`).toBeLessThanOrEqual(fit.room);
}

test("on a phone: the files filter keeps its width with the download below; backups and containers searches read whole", async ({
  page,
  docker,
  uniqueName,
  api,
  trackBackups,
  containersPage,
  shot,
}) => {
  await page.setViewportSize(PHONE);
  const volume = trackBackups(await docker.createVolume(uniqueName("phone")));
  await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, "voldeck-test/busybox", "sh", "-c", "echo hi > /v/f");

  const files = new FilesPage(page);
  await files.goto(volume);
  await expect.poll(() => files.names()).toEqual(["f"]);
  const filter = await files.filter.boundingBox();
  const download = await page.getByRole("link", { name: "Download this directory (.tar.gz)" }).boundingBox();
  expect(filter!.width).toBeGreaterThanOrEqual(300); // it was a 44 px box holding only the magnifier
  expect(download!.y).toBeGreaterThanOrEqual(filter!.y + filter!.height); // on its own line, not squeezed beside it
  await expectWholePlaceholder(files.filter);

  const started = await api.post(`/api/engines/local/volumes/${volume}/backups`, { data: { compression: "gzip" } });
  expect(started.status()).toBe(202);
  const jobId = (await started.json()).job.id;
  await expect.poll(async () => (await (await api.get(`/api/jobs/${jobId}`)).json()).state, { timeout: 60_000 }).toBe("succeeded");
  await page.goto("/backups");
  await expectWholePlaceholder(page.getByRole("searchbox", { name: "Search backups" }));
  await page.getByRole("searchbox", { name: "Search backups" }).fill(volume); // a filtered group is open
  // The row's facts wrap between facts, never inside one ("gzip · 3.0 MB data · / 11 entries" once broke so).
  const row = page.getByRole("list", { name: `Backups of ${volume}`, exact: true }).getByRole("listitem");
  for (const fact of [row.getByText("gzip", { exact: true }), row.getByText(/^[\d,]+ entr(y|ies)$/), row.getByText("local", { exact: true })]) {
    expect(await fact.evaluate((el) => el.getClientRects().length)).toBe(1);
  }
  await shot("phone-backups");

  await docker.runSleeper(uniqueName("phone-app"), "-v", `${volume}:/data`);
  await containersPage.goto();
  await expectWholePlaceholder(page.getByRole("searchbox", { name: "Search", exact: true }));
});

test('a finished backup job\'s "Show backup" stays on one line beside a long volume name', async ({ docker, uniqueName, api, trackBackups, backupsPage }) => {
  const volume = trackBackups(await docker.createVolume(uniqueName("a-volume-with-a-rather-long-name-that-fills-the-jobs-card-of-the-backups-page")));
  const started = await api.post(`/api/engines/local/volumes/${volume}/backups`, { data: { compression: "gzip" } });
  expect(started.status()).toBe(202);
  const jobId = (await started.json()).job.id;
  await expect.poll(async () => (await (await api.get(`/api/jobs/${jobId}`)).json()).state, { timeout: 60_000 }).toBe("succeeded");

  await backupsPage.goto();
  const row = backupsPage.jobRow(`Backup of ${volume}`);
  const link = row.getByRole("link", { name: "Show backup" });
  await expect(link).toBeVisible();
  // One line box: an inline link broken over two lines has two client rects.
  expect(await link.evaluate((el) => el.getClientRects().length)).toBe(1);
});
