// First run, on a console of its own (a second process with an empty data dir and no VOLDECK_ADMIN_PASSWORD):
// the setup page, then signing out and in again.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startConsole, type SecondConsole } from "../test/helpers/console";
import { expect, test } from "./auth-fixtures";
import { LoginPage, SetupPage, ShellHeader } from "./pages/AuthPages";

let fresh: SecondConsole;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "vd-e2e-setup-"));
  fresh = await startConsole(dataDir);
});

test.afterAll(async () => {
  await fresh?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("first run: setup creates the admin (12+ characters), then sign out, a wrong password, and sign in", async ({ signedOutContext, shotOf }) => {
  const context = await signedOutContext(fresh.url);
  const page = await context.newPage();
  const setup = new SetupPage(page);
  const login = new LoginPage(page);
  const header = new ShellHeader(page);
  const password = "a-long-enough-password";

  // No user yet: every page leads to the setup page, and sign-in is not offered.
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(setup.heading).toBeVisible();
  await page.goto("/login");
  await expect(page).toHaveURL(/\/setup$/);

  await setup.fill("too-short");
  await setup.submit.click();
  // On the field concerned, in the server's words, and focused.
  await expect(setup.password).toHaveAttribute("aria-invalid", "true");
  await expect(setup.password).toHaveAccessibleDescription("A password has at least 12 characters.");
  await expect(setup.password).toBeFocused();
  await setup.fill(password, `${password}-typo`);
  await setup.submit.click();
  await expect(setup.password).toHaveAttribute("aria-invalid", "false");
  await expect(setup.confirm).toHaveAttribute("aria-invalid", "true");
  await expect(setup.confirm).toHaveAccessibleDescription("The two passwords differ.");
  // The server refuses a short password too, whatever the page does.
  const direct = await context.request.post("/api/auth/setup", { data: { username: "admin", password: "too-short" }, headers: { Origin: fresh.url } });
  expect(direct.status()).toBe(400);
  expect(await (await context.request.get("/api/auth/setup")).json()).toEqual({ needed: true });
  await shotOf(page, "auth-setup-refused");

  await setup.fill(password);
  await setup.submit.click();
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Volumes" })).toBeVisible();
  await header.expectSignedInAs("admin", "admin");
  // Setup happens once.
  expect(await (await context.request.get("/api/auth/setup")).json()).toEqual({ needed: false });
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/);

  await header.signOut.click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.heading).toBeVisible();
  await page.goto("/engines/local/volumes");
  await expect(page).toHaveURL(/\/login$/);

  // An empty field is named on the form, without asking the server.
  await expect(login.submit).toBeEnabled();
  await login.submit.click();
  await expect(login.username).toHaveAccessibleDescription("Give your user name.");
  await expect(login.username).toBeFocused();
  await expect(login.password).toHaveAccessibleDescription("Give your password.");
  await login.signIn("admin", `${password}!`);
  await expect(login.error).toContainText("Wrong user name or password.");
  await expect(page).toHaveURL(/\/login$/);
  await shotOf(page, "auth-login-wrong");

  await login.password.fill(password);
  await login.submit.click();
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/);
  await header.expectSignedInAs("admin", "admin");
});
