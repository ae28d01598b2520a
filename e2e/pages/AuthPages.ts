import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in page. */
export class LoginPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Sign in" });
    this.username = page.getByRole("textbox", { name: "User name" });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    // Inside the page's main part: Next.js keeps an (empty) route announcer with role alert elsewhere.
    this.error = page.getByRole("main").getByRole("alert");
  }

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.heading).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    // Enabled once React runs the form: typing before that would be lost.
    await expect(this.submit).toBeEnabled();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** The one-time setup page (no user exists yet). */
export class SetupPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Set up Voldeck" });
    this.username = page.getByRole("textbox", { name: "Admin user name" });
    this.password = page.getByLabel("Password", { exact: true });
    this.confirm = page.getByLabel("Repeat the password");
    this.submit = page.getByRole("button", { name: "Create admin and sign in" });
  }

  async fill(password: string, confirm = password, username = "admin"): Promise<void> {
    await expect(this.submit).toBeEnabled(); // once React runs the form
    await this.username.fill(username);
    await this.password.fill(password);
    await this.confirm.fill(confirm);
  }
}

/** The header's user menu and section links, on every console page. */
export class ShellHeader {
  readonly banner: Locator;
  /** Items of the user menu: `click()` opens the menu first. */
  readonly signOut: { click(): Promise<void> };
  readonly changePassword: { click(): Promise<void> };
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole("banner");
    this.signOut = { click: () => this.chooseFromUserMenu("Sign out") };
    this.changePassword = { click: () => this.chooseFromUserMenu("Change password") };
    this.nav = page.getByRole("navigation", { name: "Sections" });
  }

  async chooseFromUserMenu(item: string): Promise<void> {
    // A click that lands before the header is hydrated opens nothing (a loaded run waited two minutes for the
    // menu): open it again until its item shows.
    const menuItem = this.page.getByRole("menuitem", { name: item });
    await expect(async () => {
      if (!(await menuItem.isVisible())) await this.banner.getByRole("button", { name: /^Signed in as / }).click();
      await expect(menuItem).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await menuItem.click();
  }

  adminLinks(): Locator {
    return this.nav.getByRole("link", { name: /^(Users|API tokens|Audit)$/ });
  }

  async expectSignedInAs(username: string, role: string): Promise<void> {
    await expect(this.banner).toContainText(`${username} (${role})`);
  }
}
