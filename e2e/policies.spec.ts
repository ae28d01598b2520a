// Policies in the browser: create one in the form (an invalid cron refused as typed and on submit, the live
// "matches N volumes now"), see it listed, run it now, and see the volume it covers shown protected — with a
// last success — in the volumes list and on its page; then delete it after a confirmation naming it. A viewer
// sees the policies and no control to change them. A policy's restore drill is set in the form (a bad drill cron
// refused on its field), saved, changed and removed again.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { COVERAGE_HREF, volumeHref } from "../lib/routes";
import { expect, test } from "./auth-fixtures";
import { SHOTS_DIR } from "./fixtures";
import { LoginPage } from "./pages/AuthPages";
import { VolumesPage } from "./pages/VolumesPage";
import { screenshot, SHOTS_WANTED } from "./support/shots";

const policiesPanel = (page: Page) => page.getByRole("table", { name: "Policies" });

/**
 * The coverage page's "New policy", pressed once the coverage has arrived too, so the page has settled. (When the
 * coverage panels came after the policies they used to move the button down, and a press in CI landed where it had
 * been; the page now keeps their room, which coverage.spec.ts checks.)
 */
async function openNewPolicy(page: Page): Promise<void> {
  await page.goto(COVERAGE_HREF);
  await expect(page.getByRole("heading", { name: /^\d+ volumes? on \d+ engines?$/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "New policy" }).click();
}

test("create a policy in the form, run it now, see its volume protected in the list and on its page", async ({ page, docker, uniqueName, shot }) => {
  // The run's backup and the coverage (every engine, the catalog) take their time on a busy CI machine.
  test.setTimeout(180_000);
  const group = uniqueName("grp");
  const volume = `${group}-a`;
  const other = `${group}-b`;
  await docker.createVolume(volume, { "voldeck.e2e.group": group });
  await docker.createVolume(other, { "voldeck.e2e.group": group, "voldeck.e2e.skip": "yes" });
  const name = `${group} nightly`;

  await openNewPolicy(page);
  const dialog = page.getByRole("dialog", { name: "New policy" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("With labels", { exact: true }).fill(`voldeck.e2e.group=${group}`);
  await expect(dialog.getByTestId("policy-matches")).toContainText("Matches 2 volumes now");
  await dialog.getByLabel("Except with labels", { exact: true }).fill("voldeck.e2e.skip=yes");
  await expect(dialog.getByTestId("policy-matches")).toContainText(`Matches 1 volume now: ${volume} (1 excluded)`);

  // An invalid cron: said as typed, and the form does not send it.
  const cron = dialog.getByLabel("Schedule (cron)");
  await cron.fill("61 * * * *");
  await expect(dialog.getByText("61 is out of range for the minute (0–59).")).toBeVisible();
  await dialog.getByRole("button", { name: "Create policy" }).click();
  await expect(dialog).toBeVisible();
  await expect(cron).toHaveAttribute("aria-invalid", "true");
  await cron.fill("0 3 * * *");
  await expect(dialog.getByText("every day at 03:00", { exact: true })).toBeVisible();
  await shot("policy-form");
  await dialog.getByRole("button", { name: "Create policy" }).click();
  await expect(dialog).toBeHidden();

  const row = policiesPanel(page).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`voldeck.e2e.group=${group}`);
  await expect(row).toContainText("not voldeck.e2e.skip=yes");
  // The name is the row's header; its cells: Selects, Target, Volumes now…
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  // The "created" toast (bottom right) can sit over the row's buttons at 1280×720, and it stays while the pointer
  // rests on it: closed first, as a person would.
  const closeToast = page.getByRole("button", { name: "Close toast" });
  if (await closeToast.count()) await closeToast.first().click();
  await expect(page.getByText(`Policy "${name}" created`)).toHaveCount(0);
  await row.getByRole("button", { name: `Run ${name} now` }).click();
  await expect(page.getByText(`Policy "${name}" started`)).toBeVisible();

  // The volume page: covered by the policy, with a last success once the run's backup is done.
  await page.goto(volumeHref("local", volume));
  const coverage = page.getByTestId("volume-coverage");
  await expect(async () => {
    await page.reload();
    await expect(coverage).toContainText(`Covered by policy "${name}", last success`, { timeout: 15_000 });
    await expect(coverage).not.toContainText("last success never", { timeout: 1_000 });
  }).toPass({ timeout: 120_000 });
  await expect(coverage).toContainText("Protected");

  // The volumes list: a Protection column, the policy in the badge's title; the excluded one says so.
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.search.fill(group);
  const listRow = (v: string) => volumes.row(v);
  await expect(page.getByRole("columnheader", { name: "Protection" })).toBeVisible();
  const badge = listRow(volume).getByText("Protected", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("title", new RegExp(`^Protected: policy "${name}" · last success `));
  await expect(listRow(other).getByText("Excluded", { exact: true })).toBeVisible();
  await shot("volumes-protection-column");

  // Delete, after a confirmation that names the policy.
  await page.goto(COVERAGE_HREF);
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete policy ${name}?` });
  await confirm.getByRole("button", { name: "Delete policy" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
});

/** The drill fields at 1440×900 and 390×844, light and dark (VOLDECK_SHOTS=1 only: for a person to look at). */
async function drillShots(page: Page, dialog: Locator): Promise<void> {
  if (!SHOTS_WANTED) return;
  for (const scheme of ["light", "dark"] as const) {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await dialog.getByRole("group", { name: "Restore drill" }).scrollIntoViewIfNeeded();
      await screenshot(page, { path: path.join(SHOTS_DIR, `policy-drill-${width}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Closes the toast saying `text` (bottom right, it can sit over a row's buttons and stays while hovered). */
async function closeToast(page: Page, text: string): Promise<void> {
  const toast = page.getByText(text);
  await expect(toast).toBeVisible();
  await page.getByRole("button", { name: "Close toast" }).first().click();
  await expect(toast).toHaveCount(0);
}

test("a policy's restore drill: set in the form, a bad drill cron refused on its field, saved, changed, removed", async ({ page, uniqueName, adminApi }) => {
  test.setTimeout(150_000);
  const name = `${uniqueName("drl")} drilled`;
  const stored = async () => {
    const { policies } = (await (await adminApi.get("/api/policies")).json()) as { policies: { id: string; name: string; drill?: Record<string, unknown> }[] };
    return policies.find((p) => p.name === name);
  };
  try {
    await openNewPolicy(page);
    const dialog = page.getByRole("dialog", { name: "New policy" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    // Selects no volume: the other tests' volumes stay unprotected.
    await dialog.getByLabel("Name pattern").fill(uniqueName("none-"));
    await expect(dialog.getByLabel("Drill schedule (cron)")).toHaveCount(0);
    await dialog.getByLabel("Prove the backups restore").check();
    const drillCron = dialog.getByLabel("Drill schedule (cron)");
    await drillCron.fill("61 * * * *");
    await dialog.getByLabel("Check command").fill(`sh -c "test -s hello.txt"`);
    await dialog.getByLabel("Restore on").selectOption("peer");
    await dialog.getByRole("button", { name: "Create policy" }).click();
    await expect(drillCron).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("61 is out of range for the minute (0–59).")).toBeVisible();
    await drillCron.fill("0 5 * * 0");
    await drillShots(page, dialog);
    await dialog.getByRole("button", { name: "Create policy" }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await stored())?.drill).toEqual({ cron: "0 5 * * 0", check: ["sh", "-c", "test -s hello.txt"], engine: "peer" });
    await closeToast(page, `Policy "${name}" created`);

    // Edited: the form shows the stored drill; a timeout added is saved, and the drill turned off is removed.
    const editButton = policiesPanel(page).getByRole("button", { name: `Edit ${name}` });
    await editButton.click();
    const edit = page.getByRole("dialog", { name: `Edit policy ${name}` });
    await expect(edit.getByLabel("Restore on")).toHaveValue("peer");
    await expect(edit.getByLabel("Check command")).toHaveValue(`sh -c "test -s hello.txt"`);
    await edit.getByLabel("Check timeout (s)").fill("120");
    await edit.getByRole("button", { name: "Save policy" }).click();
    await expect(edit).toBeHidden();
    await expect.poll(async () => (await stored())?.drill?.timeoutSeconds).toBe(120);
    await closeToast(page, `Policy "${name}" saved`);
    await editButton.click();
    await edit.getByLabel("Prove the backups restore").uncheck();
    await edit.getByRole("button", { name: "Save policy" }).click();
    await expect(edit).toBeHidden();
    await expect.poll(async () => (await stored())?.drill ?? "none").toBe("none");
  } finally {
    const p = await stored();
    if (p) await adminApi.delete(`/api/policies/${p.id}`);
  }
});

test("the volume page of an unprotected volume offers a policy for it, prefilled", async ({ page, docker, uniqueName }) => {
  const volume = uniqueName("bare");
  await docker.createVolume(volume);
  await page.goto(volumeHref("local", volume));
  await expect(page.getByTestId("volume-coverage")).toContainText("Not protected by any policy.");
  await page.getByRole("link", { name: "Create a policy for it" }).click();
  const dialog = page.getByRole("dialog", { name: "New policy" });
  await expect(dialog.getByLabel("Name pattern")).toHaveValue(volume);
  await expect(dialog.getByTestId("policy-matches")).toContainText(`Matches 1 volume now: ${volume}`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("a viewer sees the policies and no control to change them", async ({ docker, uniqueName, adminApi, makeUser, signedOutContext }) => {
  const group = uniqueName("vgrp");
  const created = await adminApi.post("/api/policies", {
    data: { name: `${group} viewer-seen`, selector: { engines: ["*"], labels: { "voldeck.e2e.group": group } }, target: { kind: "tar" }, cron: "0 4 * * *" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const volume = uniqueName("vvol");
  await docker.createVolume(volume);
  try {
    const viewer = await makeUser("viewer");
    const page = await (await signedOutContext()).newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(viewer.username, viewer.password);
    // Signed in (the session cookie set) before going on: a page opened earlier would bounce back to the sign-in.
    await expect(page).toHaveURL(/\/engines\/local\/volumes$/);
    await page.goto(COVERAGE_HREF);
    await expect(
      policiesPanel(page)
        .getByRole("row")
        .filter({ hasText: `${group} viewer-seen` }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "New policy" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Delete|Run) .+viewer-seen/ })).toHaveCount(0);
    await page.goto(volumeHref("local", volume));
    await expect(page.getByTestId("volume-coverage")).toContainText("Not protected by any policy.");
    await expect(page.getByRole("link", { name: "Create a policy for it" })).toHaveCount(0);
  } finally {
    await adminApi.delete(`/api/policies/${id}`);
  }
});
