// Issue 11: times are shown in the browser's time zone, relative, with the exact local time on hover (the
// title), the same on every page; never the engine's raw UTC ISO string. The browser here is in Asia/Kolkata
// (UTC+5:30): a half-hour offset that neither UTC nor a whole-hour shift can pass for.
import type { Page } from "@playwright/test";
import { expect, test } from "../backup-fixtures";

const ZONE = "Asia/Kolkata";
test.use({ timezoneId: ZONE });

/** "2026-12-04 20:05:45": the instant in ZONE, computed here with Intl (sv-SE writes dates as ISO does). */
function localExact(iso: string): string {
  const format = new Intl.DateTimeFormat("sv-SE", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return format.format(Date.parse(iso));
}

/** The exact local time plus the zone's name (ICU calls it "GMT+5:30" in en-US; "IST" is accepted too). */
const exactTitle = (iso: string) => new RegExp(`^${localExact(iso)} (GMT\\+5:30|IST)$`);
const RAW_ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d|\bUTC\b/;

/** The <time> of `iso` in the page's main content: relative text, the exact local time as its title (the browser's
 * tooltip on hover), and no raw ISO or UTC anywhere in the content. */
async function expectLocalTime(page: Page, iso: string): Promise<void> {
  const main = page.getByRole("main");
  const time = main.locator(`time[datetime="${iso}"]`).first();
  await expect(time).toHaveAttribute("title", exactTitle(iso));
  // Relative words, not a date (whether they read "ago" is the next test's business).
  await expect(time).toHaveText(/^(now|in \d+ seconds?|\d+ (seconds?|minutes?) ago)$/);
  await expect(main).not.toContainText(RAW_ISO);
}

test("a volume's Created and its backup's time are in the browser's zone, exact on hover, on both pages", async ({
  page,
  docker,
  uniqueName,
  trackBackups,
  api,
  volumeDetailPage,
}) => {
  const name = trackBackups(uniqueName("zoned"));
  await docker.createVolume(name);
  const volume = (await (await api.get(`/api/engines/local/volumes/${encodeURIComponent(name)}`)).json()) as { createdAt: string | null };
  expect(volume.createdAt).toBeTruthy();
  const created = volume.createdAt!;
  // The sanity of the check itself: in Kolkata the wall clock differs from UTC's (by 5 h 30 min).
  expect(localExact(created)).not.toBe(new Date(Date.parse(created)).toISOString().slice(0, 19).replace("T", " "));

  await volumeDetailPage.goto(name);
  await expectLocalTime(page, created);

  const made = await api.post(`/api/engines/local/volumes/${encodeURIComponent(name)}/backups`, { data: {} });
  expect(made.status()).toBe(202);
  const jobId = ((await made.json()) as { job: { id: string } }).job.id;
  await expect.poll(async () => ((await (await api.get(`/api/jobs/${jobId}`)).json()) as { state: string }).state, { timeout: 30_000 }).toBe("succeeded");
  const listed = (await (await api.get("/api/backups")).json()) as { backups: { volume: string; createdAt: string }[] };
  const backup = listed.backups.find((b) => b.volume === name);
  expect(backup).toBeTruthy();

  await page.goto("/backups");
  await expectLocalTime(page, backup!.createdAt);
});

test("an instant just past reads 'now' or '… ago', never 'in N seconds'", async ({ page, docker, uniqueName, api, volumeDetailPage }) => {
  // The page clock is rounded down to 15 s (components/ui/useNowTick.ts): without Time's clamp, an instant of the
  // last 15 s read "in 1 second" (seen on /backups).
  const name = uniqueName("just-past");
  await docker.createVolume(name);
  const created = ((await (await api.get(`/api/engines/local/volumes/${encodeURIComponent(name)}`)).json()) as { createdAt: string }).createdAt;
  const at = Date.parse(created);
  // The browser's clock is set to the very instant the volume was made: the true reading is "now". (An instant
  // on a 15 s boundary cannot show the rounding: it is 1 in 15 for the engine's whole-second times.)
  test.skip(at % 15_000 < 500, "the volume was made on a 15 s boundary, where rounding cannot show");
  await page.clock.setFixedTime(at);
  await volumeDetailPage.goto(name);
  const time = page.getByRole("main").locator(`time[datetime="${created}"]`);
  await expect(time).toHaveAttribute("title", exactTitle(created));
  await expect(time).toHaveText(/^now$| ago$/, { timeout: 3_000 });
});
