// Issue 11: the containers page's, the all-engines page's, the file browser's and the audit trail's search,
// filters and sort live in the URL, so a reload, Back and a shared link show the same rows. (The engine list's own test is in volumes-table.spec.ts.)
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AuditAdminPage } from "./pages/AdminPages";
import { FilesPage } from "./pages/FilesPage";
import { DockerCli } from "./support/docker";

function peerHost(): string {
  const socket = process.env.VOLDECK_PEER_SOCKET;
  if (!socket) throw new Error("VOLDECK_PEER_SOCKET is not set: run through scripts/run-tests.mjs");
  return `unix://${socket}`;
}

/** Leaves by a sidebar link (a client-side navigation), then comes back with the browser's Back. */
async function awayAndBack(page: Page) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Backups" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();
  await page.goBack();
}

test("containers: the search and the state filter live in the URL; reload, Back and a shared link keep them", async ({
  docker,
  uniqueName,
  containersPage,
  page,
}) => {
  const prefix = uniqueName("url-ct");
  const up = `${prefix}-up`;
  const created = `${prefix}-new`;
  await docker.runSleeper(up);
  await docker.createContainer(created);
  const search = page.getByRole("searchbox", { name: "Search" });
  const state = page.getByRole("combobox", { name: "State", exact: true });

  await containersPage.goto();
  await expect(page).toHaveURL(/\/containers$/);
  // Typed key by key: no keystroke is lost while the URL is written and read back.
  await search.pressSequentially(prefix);
  await state.selectOption("running");
  await expect(page).toHaveURL(new RegExp(`/containers\\?q=${prefix}&state=running$`));
  await expect(containersPage.card(up)).toBeVisible();
  await expect(containersPage.card(created)).toHaveCount(0);

  const expectKept = async () => {
    await expect(search).toHaveValue(prefix);
    await expect(state).toHaveValue("running");
    await expect(containersPage.card(up)).toBeVisible();
    await expect(containersPage.card(created)).toHaveCount(0);
  };
  await page.reload();
  await expectKept();
  await awayAndBack(page);
  await expect(page).toHaveURL(new RegExp(`/containers\\?q=${prefix}&state=running$`));
  await expectKept();

  // A shared link opens with its filters; a value the page does not know falls back to all states.
  await page.goto(`/engines/local/containers?q=${prefix}&state=not-running`);
  await expect(search).toHaveValue(prefix);
  await expect(containersPage.card(created)).toBeVisible();
  await expect(containersPage.card(up)).toHaveCount(0);
  await page.goto(`/engines/local/containers?q=${prefix}&state=paused`);
  await expect(state).toHaveValue("all");
  await expect(containersPage.card(created)).toBeVisible();
  await expect(containersPage.card(up)).toBeVisible();
  // Writing the filters drops the unknown value; the defaults leave a plain URL.
  await search.fill("");
  await expect(page).toHaveURL(/\/containers$/);
  await state.selectOption("running");
  await expect(page).toHaveURL(/\/containers\?state=running$/);
  await state.selectOption("all");
  await expect(page).toHaveURL(/\/containers$/);
});

test.describe("all-engines page", () => {
  const peer = new DockerCli(peerHost());
  test.afterAll(() => peer.cleanup());

  test("search, Engine, Show and the sort live in the URL; reload and Back keep them", async ({ docker, uniqueName, page }) => {
    const prefix = uniqueName("url-all");
    const [first, second, held, onLocal] = [`${prefix}-p1`, `${prefix}-p2`, `${prefix}-p3`, `${prefix}-l`];
    for (const name of [first, second, held]) await peer.createVolume(name);
    await peer.createContainer(`${held}-holder`, "-v", `${held}:/data`);
    await docker.createVolume(onLocal);
    const search = page.getByRole("searchbox", { name: "Search" });
    const engine = page.getByRole("combobox", { name: "Engine", exact: true });
    const show = page.getByRole("combobox", { name: "Show", exact: true });
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    const rows = page.getByRole("row").filter({ hasText: prefix });

    await page.goto("/volumes");
    await expect(page.getByRole("heading", { level: 1, name: "Volumes on all engines" })).toBeVisible();
    await expect(page).toHaveURL(/\/volumes$/);
    await search.fill(prefix);
    await expect(rows).toHaveCount(4);
    await engine.selectOption("peer");
    await show.selectOption("unused");
    await nameHeader.getByRole("button", { name: "Name", exact: true }).click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await nameHeader.getByRole("button", { name: "Name", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/volumes\\?q=${prefix}&engine=peer&show=unused&sort=-name$`));

    const expectKept = async () => {
      await expect(search).toHaveValue(prefix);
      await expect(engine).toHaveValue("peer");
      await expect(show).toHaveValue("unused");
      await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
      // Only the peer's unused volumes, by name descending.
      await expect(rows).toHaveText([new RegExp(second), new RegExp(first)]);
    };
    await expectKept();
    await page.reload();
    await expectKept();

    // Away through a row's link (client-side), then Back.
    await page.getByRole("link", { name: first, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
    await page.goBack();
    await expectKept();

    // An engine the console does not know and a sort this table has no column for fall back to their defaults.
    await page.goto(`/volumes?q=${prefix}&engine=nowhere&sort=lastUsed`);
    await expect(engine).toHaveValue("");
    await expect(page.getByRole("columnheader", { name: "Engine" })).toHaveAttribute("aria-sort", "ascending");
    await expect(rows).toHaveCount(4);
  });

  // Next.js draws each URL the page writes in a transition of its own and, when it draws one, writes that URL to
  // the address bar again: on a busy machine a write drawn late brings back an older URL for a moment, and a
  // filter chosen then was applied to it, losing the one before (seen on CI: the Engine filter vanished). Here the
  // CPU is slowed and the table is long enough that drawing the search takes longer than choosing the filters.
  test("filters chosen faster than the page can draw them are all kept", async ({ docker, uniqueName, page }) => {
    test.setTimeout(180_000);
    const prefix = uniqueName("url-fast");
    await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        for (let i = 0; i < 25; i++) await docker.createVolume(`${prefix}-bulk-${k}-${i}`);
      }),
    );
    await peer.createVolume(`${prefix}-peer`);
    const search = page.getByRole("searchbox", { name: "Search" });
    const engine = page.getByRole("combobox", { name: "Engine", exact: true });
    const show = page.getByRole("combobox", { name: "Show", exact: true });
    const sortByName = page.getByRole("columnheader", { name: "Name" }).getByRole("button", { name: "Name", exact: true });
    const bulk = page
      .getByRole("row")
      .filter({ hasText: `${prefix}-bulk` })
      .first();
    const cdp = await page.context().newCDPSession(page);
    // Three rounds, as one may be drawn in time by chance (without the fix, three runs of three failed here).
    for (let round = 0; round < 3; round++) {
      await page.goto("/volumes");
      await expect(bulk).toBeVisible();
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
      try {
        await search.fill(prefix);
        // The rows of the search show while the table is still being drawn again (they matched before it too).
        await expect(bulk).toBeVisible();
        await engine.selectOption("peer");
        await show.selectOption("unused");
        await sortByName.click();
        await expect(page).toHaveURL(new RegExp(`/volumes\\?q=${prefix}&engine=peer&show=unused&sort=name$`), { timeout: 60_000 });
      } finally {
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      }
      await expect(engine).toHaveValue("peer");
      await expect(show).toHaveValue("unused");
      await expect(page.getByRole("row").filter({ hasText: prefix })).toHaveText([new RegExp(`${prefix}-peer`)]);
    }
  });
});

test("files: the filter and the sort live in the URL beside the path; reload and Back keep them", async ({ docker, uniqueName, page }) => {
  const volume = uniqueName("url-files");
  await docker.createVolume(volume);
  await docker.run(
    "run",
    "--rm",
    "--network",
    "none",
    "-v",
    `${volume}:/v`,
    "voldeck-test/busybox",
    "sh",
    "-c",
    "mkdir -p /v/logs && head -c 300 /dev/zero > /v/logs/app-small.log && head -c 9000 /dev/zero > /v/logs/app-big.log && : > /v/logs/other.txt",
  );
  const files = new FilesPage(page);
  await files.goto(volume, "/logs");
  await files.filter.pressSequentially("app");
  await files.sortBy("Size");
  await expect(page).toHaveURL(/\?path=%2Flogs&q=app&sort=size$/);
  const expectKept = async () => {
    await expect(files.filter).toHaveValue("app");
    await expect(files.sortedHeaders).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => files.names()).toEqual(["app-big.log", "app-small.log"]);
  };
  await expectKept();
  await page.reload();
  await expectKept();
  await awayAndBack(page);
  await expectKept();
  // Smallest first is written too; a link to another directory opens it unfiltered, by name.
  await files.sortBy("Size");
  await expect(page).toHaveURL(/\?path=%2Flogs&q=app&sort=size&order=asc$/);
  await expect.poll(() => files.names()).toEqual(["app-small.log", "app-big.log"]);
  await files.crumbs.getByRole("link", { name: `${volume}:/` }).click();
  await expect.poll(() => files.names()).toEqual(["logs/"]);
  await expect(files.filter).toHaveValue("");
  await expect(page).not.toHaveURL(/[?&](q|sort|order)=/);
});

test("audit: the filter lives in the URL; reload and a shared link keep it", async ({ page }) => {
  const audit = new AuditAdminPage(page);
  await audit.goto();
  await audit.filter.pressSequentially("user.login");
  await expect(page).toHaveURL(/\/admin\/audit\?q=user\.login$/);
  const expectKept = async () => {
    await expect(audit.filter).toHaveValue("user.login");
    await expect(page.getByText(/ of \d+ loaded entr/)).toBeVisible();
  };
  await expectKept();
  await page.reload();
  await expectKept();
  await page.goto("/admin/audit?q=user.login");
  await expectKept();
  await audit.filter.fill("");
  await expect(page).toHaveURL(/\/admin\/audit$/);
});
