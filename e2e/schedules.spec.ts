// Scheduled backups in the browser: create a schedule (bad cron refused as typed, a preset, the words and the
// next three runs), see it listed, run it now with live progress to a verified backup, pause and resume it,
// delete it after confirming. A failed run shows at the top of the page.
import { expect, test } from "./backup-fixtures";
import { JobPart } from "./pages/BackupsPage";
import { SchedulesPage } from "./pages/SchedulesPage";
import { TEST_IMAGE } from "./support/docker";

test("create a schedule, see its words and next runs, run it now, pause it, delete it", async ({ page, docker, uniqueName, trackBackups, backupsOf, api }) => {
  const volume = trackBackups(uniqueName("sched"));
  await docker.createVolume(volume);
  await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", "echo hello > /v/hello.txt");
  const schedules = new SchedulesPage(page);
  await schedules.goto();
  await expect(page.getByText(/cron expressions are read in the server's \(\S+\)/)).toBeVisible();

  const dialog = await schedules.openNew();
  await dialog.engine.selectOption("local");
  await dialog.volume.selectOption(volume);
  await dialog.cron.fill("61 * * * *");
  await expect(dialog.root.getByText("61 is out of range for the minute (0–59).")).toBeVisible();
  await expect(dialog.cron).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.create).toBeDisabled();
  await page.screenshot({ path: "/tmp/sched-dialog-bad-cron.png" });

  await dialog.preset("Daily at 02:00").click();
  await expect(dialog.cron).toHaveValue("0 2 * * *");
  await expect(dialog.root.getByText("every day at 02:00", { exact: true })).toBeVisible();
  await expect(dialog.root.getByText(/^Next: .+ · .+ · .+$/)).toBeVisible();
  await dialog.keepLast.fill("3");
  await dialog.keepDays.fill("0");
  await expect(dialog.root.getByText("Keep days is a whole number from 1 to 36500, or empty.")).toBeVisible();
  await dialog.keepDays.fill("");
  await expect(dialog.root.getByText(/^Keeps the last 3 verified of this schedule's backups/)).toBeVisible();
  await page.screenshot({ path: "/tmp/sched-dialog.png" });
  await dialog.create.click();
  await expect(dialog.root).toBeHidden();

  const row = schedules.row(volume);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("every day at 02:00");
  await expect(row).toContainText("Keeps the last 3 verified");
  await expect(row.getByRole("list", { name: `Next runs of ${volume} on local` }).getByRole("listitem")).toHaveCount(3);
  await expect(row).toContainText("Not run yet");

  // Run now: the job's progress in a dialog, to a verified backup; the row shows the last run.
  await row.getByRole("button", { name: `Run now ${volume} on local` }).click();
  const runDialog = page.getByRole("dialog", { name: `Scheduled backup of ${volume}, now` });
  await new JobPart(runDialog, `Backup of ${volume}`).expectSucceeded();
  await page.screenshot({ path: "/tmp/sched-run-now.png" });
  await runDialog.getByRole("button", { name: "Close" }).click();
  await expect(row.getByText("succeeded", { exact: true })).toBeVisible();
  await expect(row.getByText(/^\W*verified$/)).toBeVisible();
  const [made] = await backupsOf(volume);
  expect(made).toBeDefined();
  await expect(row.getByRole("link", { name: /\d+(\.\d+)? (B|KB)/ })).toHaveAttribute("href", `/backups#backup-${made.id}`);

  // Pause, then resume.
  await (await schedules.menu(row, volume, "Pause")).click();
  await expect(row.getByText("paused", { exact: true })).toBeVisible();
  await page.screenshot({ path: "/tmp/sched-page.png", fullPage: true });
  const listed = (await (await api.get("/api/schedules")).json()) as { schedules: { id: string; volume: string; enabled: boolean }[] };
  expect(listed.schedules.find((s) => s.volume === volume)?.enabled).toBe(false);
  await (await schedules.menu(row, volume, "Resume")).click();
  await expect(row.getByRole("list", { name: `Next runs of ${volume} on local` })).toBeVisible();
  await page.screenshot({ path: "/tmp/sched-page-resumed.png", fullPage: true });

  // Edit: the dialog holds the schedule's settings; a new expression shows in words.
  await (await schedules.menu(row, volume, "Edit")).click();
  const edit = page.getByRole("dialog", { name: `Edit the schedule of ${volume}` });
  await expect(edit.getByLabel("Schedule (cron)")).toHaveValue("0 2 * * *");
  await expect(edit.getByLabel("Keep the last (verified backups)")).toHaveValue("3");
  await edit.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Weekly, Sunday 03:00" }).click();
  await expect(edit.getByText("every Sunday at 03:00", { exact: true })).toBeVisible();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("every Sunday at 03:00");

  // Delete, after confirming; its backup stays.
  await (await schedules.menu(row, volume, "Delete")).click();
  const confirm = page.getByRole("dialog", { name: "Delete this schedule?" });
  await expect(confirm).toContainText("The backups it made are kept");
  await confirm.getByRole("button", { name: "Delete schedule" }).click();
  await expect(row).toHaveCount(0);
  expect(await backupsOf(volume)).toHaveLength(1);
});

test("a failed last run is shown at the top of the page", async ({ page, docker, uniqueName, api }) => {
  const volume = uniqueName("schedfail");
  await docker.createVolume(volume);
  const created = await api.post("/api/schedules", { data: { engine: "local", volume, cron: "@daily", enabled: false } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  try {
    await docker.run("volume", "rm", volume);
    expect((await api.post(`/api/schedules/${id}/run`)).status()).toBe(404);
    const schedules = new SchedulesPage(page);
    await schedules.goto();
    await expect(schedules.failures).toContainText(`${volume} on local`);
    await expect(schedules.failures).toContainText(`no volume`);
    await expect(schedules.row(volume).getByText("failed", { exact: true })).toBeVisible();
    await page.screenshot({ path: "/tmp/sched-failure.png", fullPage: true });
  } finally {
    await api.delete(`/api/schedules/${id}`);
  }
});
