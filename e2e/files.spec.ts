// The file browser in Chromium: into a directory and back by the breadcrumbs, a text preview, a binary file's
// message, the filter, sorting (natural: n-2 before n-10), pages fetched as the rows scroll into view, a symlink
// leaving the volume, and the viewer's view.
import { expect, test } from "./fixtures";
import { FilesPage } from "./pages/FilesPage";
import { screenshot } from "./support/shots";

const TEST_IMAGE = "voldeck-test/busybox";

async function fill(docker: { run: (...a: string[]) => Promise<string> }, volume: string) {
  await docker.run(
    "run",
    "--rm",
    "--network",
    "none",
    "-v",
    `${volume}:/v`,
    TEST_IMAGE,
    "sh",
    "-c",
    [
      "set -e",
      "mkdir -p /v/docs/inner /v/many /v/empty",
      "printf '<script>alert(1)</script>\\nline two\\n' > /v/docs/notes.txt",
      "echo deep > /v/docs/inner/deep.txt",
      "printf '\\000\\001\\002\\377' > /v/docs/blob.bin",
      "head -c 5000 /dev/zero | tr '\\0' 'z' > /v/docs/big.txt",
      'cd /v/many && for i in $(seq 1 520); do : > "n-$i"; done',
      "ln -s /etc /v/to-etc",
    ].join("\n"),
  );
}

test("browse into a directory, back by the breadcrumbs, preview text, see the binary message, filter and sort", async ({ page, docker, uniqueName, shot }) => {
  const volume = uniqueName("files");
  await docker.createVolume(volume);
  await fill(docker, volume);
  const files = new FilesPage(page);

  // From the volume's page to its files.
  await page.goto(`/engines/local/volumes/${volume}`);
  await expect(page.getByRole("link", { name: "Browse files" })).toBeVisible();
  await screenshot(page, { path: "/tmp/files-volume-page.png", fullPage: true });
  await page.getByRole("link", { name: "Browse files" }).click();
  await expect(page).toHaveURL(files.path(volume));
  await expect.poll(() => files.names()).toEqual(["docs/", "empty/", "many/", "to-etc"]);
  await expect(files.row("to-etc")).toContainText("→ /etc");
  await expect(files.row("to-etc")).toContainText("points outside the volume");
  await expect(files.table.getByRole("link", { name: "to-etc" })).toHaveCount(0);
  await shot("files-root");
  await screenshot(page, { path: "/tmp/files-root.png", fullPage: true });

  await files.open("docs/");
  await expect(page).toHaveURL(files.path(volume, "/docs"));
  await expect.poll(() => files.names()).toEqual(["big.txt", "blob.bin", "inner/", "notes.txt"]);
  await files.open("inner/");
  await expect.poll(() => files.names()).toEqual(["deep.txt"]);
  await expect(files.crumbs.locator("[aria-current=page]")).toHaveText("inner");

  // Breadcrumbs, and the browser's own back and forward.
  await files.crumbs.getByRole("link", { name: "docs" }).click();
  await expect(page).toHaveURL(files.path(volume, "/docs"));
  await expect.poll(() => files.names()).toContain("notes.txt");
  await page.goBack();
  await expect.poll(() => files.names()).toEqual(["deep.txt"]);
  await page.goForward();
  await expect.poll(() => files.names()).toContain("notes.txt");

  // A text preview shows the text as text, never as markup.
  await files.preview("notes.txt");
  const contents = files.dialog.getByLabel("File contents");
  await expect(contents).toHaveText("<script>alert(1)</script>\nline two\n");
  await expect(files.dialog).toContainText("shown whole");
  await screenshot(page, { path: "/tmp/files-preview.png", fullPage: true });
  await files.dialog.getByRole("button", { name: "Close" }).click();
  await expect(files.dialog).toBeHidden();

  // A binary file is named as such, not dumped.
  await files.preview("blob.bin");
  await expect(files.dialog).toContainText("Binary file — not shown");
  await expect(files.dialog.getByLabel("File contents")).toHaveCount(0);
  await screenshot(page, { path: "/tmp/files-binary.png", fullPage: true });
  await page.keyboard.press("Escape");
  await expect(files.dialog).toBeHidden();

  // The row's buttons sit on its text line (their icons once hung 4 px below it).
  const middle = (box: { y: number; height: number } | null) => (box ? box.y + box.height / 2 : NaN);
  const nameMiddle = middle(await files.row("notes.txt").getByText("notes.txt", { exact: true }).boundingBox());
  const eyeMiddle = middle(await files.row("notes.txt").getByRole("button", { name: "Preview notes.txt" }).locator("svg").boundingBox());
  expect(Math.abs(eyeMiddle - nameMiddle)).toBeLessThanOrEqual(1.5);

  // Only the column the rows are sorted by shows a direction (aria-sort and a visible arrow), not all three.
  const sorted = files.sortedHeaders;
  const shownArrows = () =>
    files.table
      .getByRole("columnheader")
      .locator("svg")
      .evaluateAll((svgs) => svgs.filter((svg) => getComputedStyle(svg).opacity !== "0").length);
  await expect(sorted).toHaveCount(1);
  await expect(sorted).toHaveText("Name");
  await expect(sorted).toHaveAttribute("aria-sort", "ascending");
  expect(await shownArrows()).toBe(1);

  // Sort by size, biggest first; then filter.
  await files.sortBy("Size");
  await expect.poll(() => files.names()).toEqual(["big.txt", "notes.txt", "blob.bin", "inner/"]);
  await expect(sorted).toHaveCount(1);
  await expect(sorted).toHaveText("Size");
  await expect(sorted).toHaveAttribute("aria-sort", "descending");
  expect(await shownArrows()).toBe(1);
  await files.filter.fill("TXT");
  await expect.poll(() => files.names()).toEqual(["big.txt", "notes.txt"]);
  await files.filter.fill("nothing-like-this");
  await expect(page.getByText("No entries match the filter.")).toBeVisible();

  // Downloads are links for an admin.
  await files.filter.fill("");
  await expect(files.row("notes.txt").getByRole("link", { name: "Download notes.txt" })).toHaveAttribute("href", /content\?path=%2Fdocs%2Fnotes.txt/);
});

test("a big directory: natural order, only the rows in view in the page, the next page fetched on scrolling; an empty one says so", async ({
  page,
  docker,
  uniqueName,
}) => {
  const volume = uniqueName("files-big");
  await docker.createVolume(volume);
  await fill(docker, volume);
  const files = new FilesPage(page);
  await files.goto(volume, "/many");
  await expect(page.getByText("Showing 500 of 520 entries.", { exact: false })).toBeVisible();
  // Natural order: n-2 follows n-1 (a plain string sort gives n-1, n-10, n-100, n-101…).
  await expect.poll(async () => (await files.names()).slice(0, 4)).toEqual(["n-1", "n-2", "n-3", "n-4"]);
  // Virtualised: a few dozen rows in the page, not 500.
  expect(await files.rowsInPage.count()).toBeLessThan(120);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Scrolling to the end brings the rest in, and the header stays in sight.
  await expect(async () => {
    await files.scrollBox.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(files.row("n-520")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("520 entries.", { exact: false })).toBeVisible();
  // The header is pinned to the top of the scrolled box.
  const [boxTop, headTop] = await Promise.all([
    files.scrollBox.evaluate((el) => el.getBoundingClientRect().top),
    files.table.getByRole("button", { name: "Name" }).evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(headTop - boxTop).toBeLessThan(40);
  const names = await files.names();
  // Only the rows in view are in the page: its end, in natural order (a string sort would end with n-99).
  expect(names.slice(-3)).toEqual(["n-518", "n-519", "n-520"]);
  await screenshot(page, { path: "/tmp/files-many.png", fullPage: true });

  await files.goto(volume, "/empty");
  await expect(page.getByText("This directory is empty.")).toBeVisible();

  // A way out typed into the address bar is refused with the server's words.
  await files.goto(volume, "/to-etc");
  await expect(page.getByRole("alert").filter({ hasText: "would leave the volume" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await screenshot(page, { path: "/tmp/files-refused.png", fullPage: true });
  await page.getByRole("link", { name: `Back to the root of ${volume}` }).click();
  await expect(page.getByRole("link", { name: "empty/" })).toBeVisible();
});
