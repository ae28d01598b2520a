// Several volumes backed up from the list in one go (one job each), and a copy from a volume's page ("Copy or move…").
import { expect, test } from "./backup-fixtures";
import { CopyOrMoveDialog } from "./pages/BackupsPage";
import { TEST_IMAGE } from "./support/docker";

test("select the filtered volumes, back up each; copy a volume (an existing name refused)", async ({
  page,
  docker,
  uniqueName,
  volumesPage,
  volumeDetailPage,
  trackBackups,
  backupsOf,
  shot,
}) => {
  const prefix = uniqueName("sev");
  const a = trackBackups(`${prefix}-a`);
  const b = trackBackups(`${prefix}-b`);
  for (const v of [a, b]) {
    await docker.createVolume(v);
    await docker.run("run", "--rm", "--network", "none", "-v", `${v}:/v`, TEST_IMAGE, "sh", "-c", `echo ${v} > /v/name`);
  }

  await volumesPage.goto();
  await volumesPage.search.fill(prefix);
  await expect(volumesPage.rows).toHaveCount(2);
  await page.getByRole("checkbox", { name: "Select all shown volumes" }).check();
  await expect(page.getByRole("checkbox", { name: `Select ${a}`, exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${b}`, exact: true })).toBeChecked();
  await shot("backups-list-selected");
  await page.getByRole("button", { name: "Back up 2…" }).click();
  const dialog = page.getByRole("dialog", { name: "Back up 2 volumes" });
  await expect(dialog.getByRole("list", { name: "Volumes to back up" }).getByRole("listitem")).toHaveText([a, b]);
  await dialog.getByRole("button", { name: "Start 2 backups" }).click();
  const started = dialog.getByRole("table", { name: "Backups started" });
  for (const v of [a, b]) {
    const row = started.getByRole("row").filter({ has: page.getByRole("rowheader", { name: v, exact: true }) });
    await expect(row.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  }
  await expect(dialog).toContainText("2 of 2 backups done.");
  await shot("backups-several-done");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByRole("checkbox", { name: "Select all shown volumes" })).not.toBeChecked(); // the selection was used up
  expect(await backupsOf(a)).toHaveLength(1);
  expect(await backupsOf(b)).toHaveLength(1);

  await volumeDetailPage.goto(a);
  const copyOrMove = await CopyOrMoveDialog.open(page, a);
  // A choice between Copy and Move (not a "Clone" with a Move checkbox): Copy by default, the button says what it does.
  await expect(copyOrMove.copy).toBeChecked();
  await expect(copyOrMove.move).not.toBeChecked();
  await expect(copyOrMove.submit("Copy")).toBeEnabled();
  await expect(copyOrMove.root.getByRole("button", { name: /clone/i })).toHaveCount(0);
  // The radios are one keyboard stop: an arrow key moves the choice, and the button follows.
  await copyOrMove.copy.focus();
  await page.keyboard.press("ArrowDown");
  await expect(copyOrMove.move).toBeChecked();
  await expect(copyOrMove.submit("Move")).toBeDisabled(); // not before its own confirmation
  await expect(copyOrMove.submit("Copy")).toHaveCount(0);
  await page.keyboard.press("ArrowUp");
  await expect(copyOrMove.copy).toBeChecked();
  const copy = docker.trackVolume(`${a}-copy`);
  await expect(copyOrMove.name).toHaveValue(copy);
  // The volume itself is refused in the form, on the name field, which gets the focus.
  await copyOrMove.name.fill(a);
  await copyOrMove.submit("Copy").click();
  await expect(copyOrMove.name).toHaveAttribute("aria-invalid", "true");
  await expect(copyOrMove.name).toHaveAccessibleDescription("That is the volume itself: choose another name, or another engine.");
  await expect(copyOrMove.name).toBeFocused();
  // A name taken on the engine: the server's 409 shows on the name field.
  await copyOrMove.name.fill(b);
  await copyOrMove.submit("Copy").click();
  await expect(copyOrMove.name).toHaveAccessibleDescription(new RegExp(`A volume named "${b}" already exists`));
  await copyOrMove.name.fill(copy);
  await copyOrMove.submit("Copy").click();
  await copyOrMove.job(copy).expectSucceeded();
  await shot("backups-clone-done");
  expect(await docker.run("run", "--rm", "--network", "none", "-v", `${copy}:/v`, TEST_IMAGE, "cat", "/v/name")).toBe(a);
});
