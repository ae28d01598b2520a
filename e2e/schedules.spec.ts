// Scheduled backups in the browser: create a schedule (bad cron refused as typed, a preset, the words and the
// next three runs), see it listed, run it now with live progress to a verified backup, pause and resume it,
// delete it after confirming. A failed run shows at the top of the page.
import path from "node:path";
import { expect, test } from "./backup-fixtures";
import { JobPart } from "./pages/BackupsPage";
import { SchedulesPage } from "./pages/SchedulesPage";
import { TEST_IMAGE } from "./support/docker";
import { screenshot } from "./support/shots";

test("create a schedule, see its words and next runs, run it now, pause it, delete it", async ({ page, docker, uniqueName, trackBackups, backupsOf, api }) => {
  // A backup run, a pause and a resume: over the 60 s default when the shared CI machine is loaded.
  test.setTimeout(120_000);
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
  await screenshot(page, { path: "/tmp/sched-dialog-bad-cron.png" });

  await dialog.preset("Daily at 02:00").click();
  await expect(dialog.cron).toHaveValue("0 2 * * *");
  await expect(dialog.root.getByText("every day at 02:00", { exact: true })).toBeVisible();
  await expect(dialog.root.getByText(/^Next: .+ · .+ · .+$/)).toBeVisible();
  await dialog.keepLast.fill("3");
  await dialog.keepDays.fill("0");
  await expect(dialog.root.getByText("Keep days is a whole number from 1 to 36500, or empty.")).toBeVisible();
  await dialog.keepDays.fill("");
  await expect(dialog.root.getByText(/^Keeps the last 3 verified of this schedule's backups/)).toBeVisible();
  await screenshot(page, { path: "/tmp/sched-dialog.png" });
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
  await screenshot(page, { path: "/tmp/sched-run-now.png" });
  await runDialog.getByRole("button", { name: "Close" }).click();
  await expect(row.getByText("succeeded", { exact: true })).toBeVisible();
  await expect(row.getByText(/^\W*verified$/)).toBeVisible();
  const [made] = await backupsOf(volume);
  expect(made).toBeDefined();
  await expect(row.getByRole("link", { name: /\d+(\.\d+)? (B|KB)/ })).toHaveAttribute("href", `/backups#backup-${made.id}`);

  // Pause, then resume.
  await (await schedules.menu(row, volume, "Pause")).click();
  await expect(row.getByText("paused", { exact: true })).toBeVisible();
  await screenshot(page, { path: "/tmp/sched-page.png", fullPage: true });
  const listed = (await (await api.get("/api/schedules")).json()) as { schedules: { id: string; volume: string; enabled: boolean }[] };
  expect(listed.schedules.find((s) => s.volume === volume)?.enabled).toBe(false);
  await (await schedules.menu(row, volume, "Resume")).click();
  await expect(row.getByRole("list", { name: `Next runs of ${volume} on local` })).toBeVisible();
  await screenshot(page, { path: "/tmp/sched-page-resumed.png", fullPage: true });

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
    await screenshot(page, { path: "/tmp/sched-failure.png", fullPage: true });
  } finally {
    await api.delete(`/api/schedules/${id}`);
  }
});

test("a schedule into a repository with restic keep rules (bad rules refused in the form), and a repository's own check schedule", async ({
  page,
  docker,
  uniqueName,
  api,
}) => {
  test.setTimeout(120_000);
  const volume = uniqueName("schedrepo");
  const repo = uniqueName("repo");
  await docker.createVolume(volume);
  const location = path.join(await docker.tempDir("restic"), "repo");
  const made = await api.post("/api/repositories", { data: { id: repo, kind: "local", location, password: "e2e-schedules-password" } });
  expect(made.status(), await made.text()).toBe(201);
  try {
    const schedules = new SchedulesPage(page);
    await schedules.goto();
    const dialog = await schedules.openNew();
    await dialog.engine.selectOption("local");
    await dialog.volume.selectOption(volume);
    await dialog.preset("Daily at 02:00").click();
    await dialog.root.getByRole("radio", { name: /^Snapshot into a repository/ }).check();
    // Tar-only settings give way to the repository's.
    await expect(dialog.keepLast).toBeHidden();
    await expect(dialog.create).toBeDisabled(); // no repository chosen yet
    await dialog.root.getByLabel("Repository", { exact: true }).selectOption(repo);
    const keep = (rule: string) => dialog.root.getByLabel(`Keep ${rule}`, { exact: true });
    await keep("last").fill("-1");
    await expect(dialog.root.getByText("A keep rule is a whole number from 0 to 1000000, or empty.")).toBeVisible();
    await expect(keep("last")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.create).toBeDisabled();
    await keep("last").fill("3");
    await keep("daily").fill("7");
    await expect(dialog.create).toBeEnabled();
    await screenshot(page, { path: "/tmp/sched-dialog-repository.png" });
    await dialog.create.click();
    await expect(dialog.root).toBeHidden();

    const row = schedules.row(volume);
    await expect(row.getByLabel(`Target of ${volume} on local`)).toHaveText(`Snapshot into ${repo} · keeps last 3, daily 7`);
    const listed = (await (await api.get("/api/schedules")).json()) as { schedules: { volume: string; target: unknown }[] };
    expect(listed.schedules.find((s) => s.volume === volume)?.target).toEqual({ kind: "repository", repository: repo, keep: { last: 3, daily: 7 } });

    // Edit: the dialog opens with the target as it is.
    await (await schedules.menu(row, volume, "Edit")).click();
    const edit = page.getByRole("dialog", { name: `Edit the schedule of ${volume}` });
    await expect(edit.getByRole("radio", { name: /^Snapshot into a repository/ })).toBeChecked();
    await expect(edit.getByLabel("Keep daily", { exact: true })).toHaveValue("7");
    await edit.getByRole("button", { name: "Cancel" }).click();

    // The repository's check schedule, set by the admin on the Repositories page.
    await page.goto("/repositories");
    const repoRow = page.getByRole("listitem", { name: `Repository ${repo}` });
    await repoRow.getByRole("button", { name: "Schedule checks" }).click();
    const checkDialog = page.getByRole("dialog", { name: `Scheduled check of ${repo}` });
    await checkDialog.getByRole("checkbox", { name: /^Check this repository on a schedule/ }).check();
    await checkDialog.getByLabel("When (cron)").fill("0 4 * * 0");
    await checkDialog.getByLabel("Read back part of the data").fill("150%");
    await checkDialog.getByRole("button", { name: "Save" }).click();
    await expect(checkDialog.getByText(/readDataSubset is a percentage/)).toBeVisible();
    await checkDialog.getByLabel("Read back part of the data").fill("5%");
    await checkDialog.getByRole("button", { name: "Save" }).click();
    await expect(checkDialog).toBeHidden();
    await expect(repoRow).toContainText("Checked every Sunday at 04:00, reading 5% of the data");
    await expect(repoRow).toContainText(/Next: (in \d+|tomorrow|today|next week)/);
  } finally {
    const all = (await (await api.get("/api/schedules")).json()) as { schedules: { id: string; volume: string }[] };
    for (const s of all.schedules.filter((x) => x.volume === volume)) await api.delete(`/api/schedules/${s.id}`);
    await api.delete(`/api/repositories/${repo}`);
  }
});
