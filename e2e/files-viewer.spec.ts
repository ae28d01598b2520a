// A viewer browses and previews but gets no download links (the server refuses downloads to viewers anyway);
// an unreachable engine is said plainly on the files page.
import { expect, test } from "./auth-fixtures";
import { LoginPage } from "./pages/AuthPages";
import { FilesPage } from "./pages/FilesPage";
import { screenshot } from "./support/shots";

test("a viewer lists and previews files, with no download links", async ({ docker, uniqueName, makeUser, signedOutContext }) => {
  const volume = uniqueName("files-viewer");
  await docker.createVolume(volume);
  await docker.run("run", "--rm", "--network", "none", "-v", `${volume}:/v`, "voldeck-test/busybox", "sh", "-c", "mkdir /v/d && echo seen > /v/d/a.txt");

  const viewer = await makeUser("viewer");
  const page = await (await signedOutContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(viewer.username, viewer.password);
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/);

  const files = new FilesPage(page);
  await files.goto(volume, "/d");
  await expect.poll(() => files.names()).toEqual(["a.txt"]);
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
  await files.preview("a.txt");
  await expect(files.dialog.getByLabel("File contents")).toHaveText("seen\n");
  await expect(files.dialog.getByRole("link", { name: /Download/ })).toHaveCount(0);
  await screenshot(page, { path: "/tmp/files-viewer.png", fullPage: true });
});

test("an unreachable engine is reported on the files page", async ({ page }) => {
  const files = new FilesPage(page, "spare");
  await page.goto(files.path("anything", "/"));
  const outage = page.getByRole("alert").filter({ hasText: "Could not read this directory." });
  await expect(outage).toContainText('The Docker engine "spare" cannot be reached');
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await screenshot(page, { path: "/tmp/files-engine-down.png", fullPage: true });
});
