import { expect, type Locator, type Page } from "@playwright/test";

/** Admin → Users: the table and its dialogs. */
export class UsersAdminPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Users" });
    this.table = page.getByRole("table", { name: "Users" });
    this.addButton = page.getByRole("button", { name: "Add user", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/users");
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  row(username: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`^${username}(\\s*\\(you\\))?$`) }) });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  async openAdd(): Promise<Locator> {
    await this.addButton.click();
    const dialog = this.dialog("Add user");
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async open(action: "Change role of" | "Reset password of" | "Remove user", username: string, title: string | RegExp): Promise<Locator> {
    await this.row(username)
      .getByRole("button", { name: `${action} ${username}` })
      .click();
    const dialog = this.dialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

/** Admin → API tokens. */
export class TokensAdminPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "API tokens" });
    this.table = page.getByRole("table", { name: "API tokens" });
    this.createButton = page.getByRole("button", { name: "Create token", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/tokens");
    await expect(this.heading).toBeVisible();
    // The list is fetched by the page itself: once it shows, the page's buttons work.
    await expect(this.table.or(this.page.getByText("No API tokens yet."))).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name: title });
  }
}

/** Admin → Audit trail. */
export class AuditAdminPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Audit trail" });
    this.table = page.getByRole("table", { name: "Audit trail, newest first" });
    this.filter = page.getByRole("searchbox", { name: "Filter" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/audit");
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** Rows whose action key (the end of the row header, after its words) is this one. */
  rows(action: string): Locator {
    const key = action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`(^|[^a-z.])${key}$`) }) });
  }

  /** What an open row shows below it: the region its disclosure button names (aria-controls). */
  async detail(row: Locator): Promise<Locator> {
    const opened = row.getByRole("button", { expanded: true });
    await expect(opened).toBeVisible();
    return this.page.locator(`[id="${await opened.getAttribute("aria-controls")}"]`);
  }
}
