// Single sign-on in Chromium, against a real OpenID provider (oidc-provider, its own process) and a console of its
// own started with the OIDC settings: "Sign in with …", the provider's own login and consent pages, and the console
// as the mapped role; a user in no mapped group sees a page that says so and gets no session; with the provider
// down, the sign-in page says so and the password form still signs in.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { startConsole, type SecondConsole } from "../test/helpers/console";
import { freePort } from "../test/helpers/free-port";
import { OIDC_CLIENT, startProvider, type TestProvider } from "../test/helpers/oidc";
import { expect, test } from "./auth-fixtures";
import { LoginPage, ShellHeader } from "./pages/AuthPages";

let sso: SecondConsole;
let provider: TestProvider;
let dataDir: string;
const ADMIN_PASSWORD = randomBytes(12).toString("base64url");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "vd-e2e-oidc-"));
  const port = await freePort();
  sso = await startConsole(dataDir, {
    VOLDECK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    VOLDECK_OIDC_ISSUER: `http://127.0.0.1:${port}`,
    VOLDECK_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    VOLDECK_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    VOLDECK_OIDC_ROLES: "voldeck-admins=admin,voldeck-ops=operator",
    VOLDECK_OIDC_NAME: "Test IdP",
  });
  provider = await startProvider(port, [`${sso.url}/api/auth/oidc/callback`]);
});

test.afterAll(async () => {
  await provider?.stop();
  await sso?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A page of a signed-out context. oidc-provider's own pages load a web font from fonts.googleapis.com; the test
 * machine has no internet, so that request is cut short rather than left to hang the page's load.
 */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
  return page;
}

/** The provider's own pages: its login form (any password), then its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test.describe.configure({ timeout: 120_000 });

test("'Sign in with Test IdP': the provider's pages, then the console as the mapped role", async ({ signedOutContext, shotOf }) => {
  const context = await signedOutContext(sso.url);
  const page = await newPage(context);
  const login = `ops-${randomBytes(3).toString("hex")}`;
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  // Both ways are offered here: single sign-on and the password form.
  await expect(page.getByLabel("Password")).toBeVisible();
  await shotOf(page, "oidc-login-page");
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await signInAtProvider(page, login);
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Volumes" })).toBeVisible();
  const header = new ShellHeader(page);
  await header.expectSignedInAs(login, "operator");
  // An operator: the admin sections are not offered.
  await expect(header.adminLinks()).toHaveCount(0);

  await header.signOut.click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a user in no mapped group gets no access and a page that says why", async ({ signedOutContext, shotOf }) => {
  const context = await signedOutContext(sso.url);
  const page = await newPage(context);
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await signInAtProvider(page, `guest-${randomBytes(3).toString("hex")}`);
  await expect(page).toHaveURL(/\/login\?error=no_role$/);
  await expect(page.getByRole("alert").filter({ hasText: "You are not signed in." })).toContainText("is in no group that has access to Voldeck");
  await shotOf(page, "oidc-no-role");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

// Last: it stops the provider.
test("with the provider down: the sign-in page says so, and password sign-in still works", async ({ signedOutContext, shotOf }) => {
  await provider.stop();
  const context = await signedOutContext(sso.url);
  const page = await newPage(context);
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(/\/login\?error=oidc_unavailable$/);
  await expect(login.error).toContainText("The identity provider could not be reached");
  await shotOf(page, "oidc-provider-down");
  await login.signIn("admin", ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/engines\/local\/volumes$/, { timeout: 30_000 });
  await new ShellHeader(page).expectSignedInAs("admin", "admin");
});
