// The auth specs' fixtures on top of the shared ones: page objects for sign-in, setup and the admin pages,
// an API client acting as admin (VOLDECK_API_TOKEN), and signed-out browser contexts.
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { request } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { test as base, SHOTS_DIR } from "./fixtures";
import { AuditAdminPage, TokensAdminPage, UsersAdminPage } from "./pages/AdminPages";
import { LoginPage, SetupPage, ShellHeader } from "./pages/AuthPages";
import { screenshot } from "./support/shots";

type Role = "viewer" | "operator" | "admin";
export type TestUser = { username: string; password: string; role: Role };

type AuthFixtures = {
  loginPage: LoginPage;
  setupPage: SetupPage;
  header: ShellHeader;
  usersAdmin: UsersAdminPage;
  tokensAdmin: TokensAdminPage;
  auditAdmin: AuditAdminPage;
  /** Requests as admin with the API token; no cookie, so no Origin needed. */
  adminApi: APIRequestContext;
  /** Creates users through the API; removes them after the test. */
  makeUser: (role: Role) => Promise<TestUser>;
  /** A browser context without the admin's session (optionally on another console). */
  signedOutContext: (baseURL?: string) => Promise<BrowserContext>;
  /** Like `shot`, for a page of another context. */
  shotOf: (page: Page, name: string) => Promise<void>;
};

export const test = base.extend<AuthFixtures>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  setupPage: async ({ page }, use) => use(new SetupPage(page)),
  header: async ({ page }, use) => use(new ShellHeader(page)),
  usersAdmin: async ({ page }, use) => use(new UsersAdminPage(page)),
  tokensAdmin: async ({ page }, use) => use(new TokensAdminPage(page)),
  auditAdmin: async ({ page }, use) => use(new AuditAdminPage(page)),
  adminApi: async ({ baseURL }, use) => {
    const token = process.env.VOLDECK_API_TOKEN;
    if (!token) throw new Error("VOLDECK_API_TOKEN is not set: run the e2e tests through scripts/run-tests.mjs");
    const api = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` }, storageState: { cookies: [], origins: [] } });
    await use(api);
    await api.dispose();
  },
  makeUser: async ({ adminApi }, use) => {
    const made: string[] = [];
    await use(async (role) => {
      const user = { username: `vde-${role}-${randomBytes(3).toString("hex")}`, password: `pw-${randomBytes(12).toString("base64url")}`, role };
      const res = await adminApi.post("/api/users", { data: user });
      if (res.status() !== 201) throw new Error(`creating ${role} failed: ${res.status()} ${await res.text()}`);
      made.push(user.username);
      return user;
    });
    for (const name of made) await adminApi.delete(`/api/users/${name}`);
  },
  signedOutContext: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (url) => {
      const context = await (browser as Browser).newContext({ baseURL: url ?? baseURL, storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      return context;
    });
    for (const c of contexts) await c.close();
  },
  shotOf: async ({}, use) => {
    await mkdir(SHOTS_DIR, { recursive: true });
    await use(async (page, name) => {
      await screenshot(page, { path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    });
  },
});

export { expect } from "./fixtures";
