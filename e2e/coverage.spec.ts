import { COVERAGE_HREF } from "../lib/routes";
import { VolumesPage } from "./pages/VolumesPage";
import { test as backupTest } from "./backup-fixtures";
import { expect, test } from "./fixtures";
import { TEST_IMAGE } from "./support/docker";

test("the coverage page counts and lists volumes by state, and its filter shows one state", async ({ page, docker, uniqueName, shot }) => {
  const optedOut = uniqueName("optout");
  const bare = uniqueName("bare");
  await docker.createVolume(optedOut, { "voldeck.backup": "false" });
  await docker.createVolume(bare);

  await page.goto(COVERAGE_HREF);
  await expect(page.getByRole("heading", { name: "Coverage", level: 1 })).toBeVisible();
  const legend = page.getByRole("list", { name: "Volumes per state" });
  await expect(legend.getByRole("listitem")).toHaveCount(5);
  const table = page.getByRole("table", { name: "Coverage per volume" });
  const row = (name: string) => table.getByRole("row").filter({ hasText: name });
  await expect(row(optedOut)).toContainText("Excluded");
  await expect(row(bare)).toContainText("Unprotected");
  await shot("coverage");

  await page.getByLabel("Show").selectOption("excluded");
  await expect(row(optedOut)).toBeVisible();
  await expect(row(bare)).toHaveCount(0);
  await page.getByLabel("Show").selectOption("unprotected");
  await expect(row(bare)).toBeVisible();
  await expect(row(optedOut)).toHaveCount(0);

  // The columns sort, and the order is kept in the URL (a reload keeps it).
  const state = table.getByRole("columnheader", { name: "State" });
  await state.getByRole("button").click();
  await expect(state).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/[?&]sort=state$/);
  await page.reload();
  await expect(state).toHaveAttribute("aria-sort", "ascending");

  // On a phone each volume is a card: every fact, and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row(bare)).toContainText("Unprotected");
  await expect(row(bare)).toContainText("Last success never");
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
});

test("'New policy' stays where it is when the coverage arrives after the policies", async ({ page }) => {
  // The coverage's answer is held back 1.5 s on its way to the page (the real server answers it), so the policies
  // come first, as they do when an engine is slow.
  await page.route(/\/api\/coverage(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto(COVERAGE_HREF);
  const newPolicy = page.getByRole("button", { name: "New policy" });
  await expect(newPolicy).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evaluating coverage…" })).toBeVisible();
  const before = await newPolicy.boundingBox();
  await expect(page.getByRole("heading", { name: /^\d+ volumes? on \d+ engines?$/ })).toBeVisible();
  expect(await newPolicy.boundingBox()).toEqual(before);
  // The volumes come after the policies, not between the counts and them.
  const policies = await page.getByRole("heading", { name: /^Policies \(\d+\)$/ }).boundingBox();
  const volumes = await page.getByRole("heading", { name: "Volumes", exact: true, level: 2 }).boundingBox();
  expect(volumes!.y).toBeGreaterThan(policies!.y);
});

test("the volumes list leaves a drill's scratch volume out and says so; a phone's card shows the protection", async ({ page, docker, uniqueName }) => {
  const excluded = uniqueName("card");
  const scratch = uniqueName("scratch");
  // In a stack and mounted, so the card has all it can show: who mounts it, its stack, the badge, the last backup.
  await docker.createVolume(excluded, { "voldeck.backup": "false", "com.docker.compose.project": "storefront-shop" });
  const user = uniqueName("card-user");
  await docker.createContainer(user, "-v", `${excluded}:/data`);
  await docker.createVolume(scratch, { "io.voldeck.drill": "pol-e2e" });
  const volumes = new VolumesPage(page);
  await volumes.goto();
  const note = page.getByTestId("drill-scratch-note");
  await expect(note).toContainText(/restore-drill scratch volumes? (is|are) not listed: the drill removes/);
  await expect(note).toHaveAttribute("title", new RegExp(scratch));
  await volumes.search.fill(scratch);
  await expect(page.getByText("No volume matches these filters.")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await volumes.search.fill(excluded);
  await expect(page.getByTestId("card-protection")).toHaveText("Protection: Excluded");
  // Neither the container's name nor the stack is cut to a few letters beside the badge.
  await expect(page.getByTestId("card-users")).toContainText(user);
  await expect(page.getByTestId("card-stack")).toHaveText("stack storefront-shop");
  for (const id of ["card-users", "card-stack"])
    expect(await page.getByTestId(id).evaluate((el) => el.scrollWidth - el.clientWidth), `${id} is cut short`).toBeLessThanOrEqual(0);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
});

backupTest(
  "an operator drills a policy from the coverage page and the volume shows when it was last proven restorable",
  async ({ page, docker, uniqueName, api, trackBackups, shot }) => {
    const volume = trackBackups(await docker.createVolume(uniqueName("drilled")));
    await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", "echo kept > /v/f");
    const started = await api.post(`/api/engines/local/volumes/${volume}/backups`, { data: {} });
    expect(started.status()).toBe(202);
    const jobId = (await started.json()).job.id;
    await expect.poll(async () => (await (await api.get(`/api/jobs/${jobId}`)).json()).state, { timeout: 60_000 }).toBe("succeeded");
    const name = `${volume} policy`;
    const created = await api.post("/api/policies", {
      data: { name, selector: { engines: ["local"], namePattern: volume }, target: { kind: "tar" }, cron: "0 3 * * *", drill: { cron: "0 4 * * *" } },
    });
    expect(created.status()).toBe(201);
    const policy = (await created.json()).id as string;
    try {
      await page.goto(COVERAGE_HREF);
      const row = page.getByRole("table", { name: "Coverage per volume" }).getByRole("row").filter({ hasText: volume });
      await expect(row).toContainText("never drilled");
      const policyRow = page.getByRole("table", { name: "Policies", exact: true }).getByRole("row").filter({ hasText: name });
      const drill = policyRow.getByRole("button", { name: "Drill now" });
      await expect(drill).toHaveAccessibleDescription(/Your volumes are not touched/);
      await drill.click();
      const dialog = page.getByRole("dialog", { name: `Restore drill of ${name}` });
      await expect(dialog).toContainText("Drill passed", { timeout: 60_000 });
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(row).not.toContainText("never drilled");
      await expect(row).not.toContainText("drill failed");
      await shot("coverage-drilled");
    } finally {
      await api.delete(`/api/policies/${policy}`);
    }
  },
);
