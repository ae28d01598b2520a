import { expect, type Locator, type Page } from "@playwright/test";

/** A volume's file browser: breadcrumbs, filter, the listing table, and the preview dialog. */
export class FilesPage {
  constructor(
    readonly page: Page,
    readonly engine = "local",
  ) {}

  path(volume: string, dir = "/"): string {
    const base = `/engines/${encodeURIComponent(this.engine)}/volumes/${encodeURIComponent(volume)}/files`;
    return dir === "/" ? base : `${base}?${new URLSearchParams({ path: dir })}`;
  }

  async goto(volume: string, dir = "/"): Promise<void> {
    await this.page.goto(this.path(volume, dir));
    await expect(this.page.getByRole("heading", { level: 1, name: volume })).toBeVisible();
  }

  get crumbs(): Locator {
    return this.page.getByRole("navigation", { name: "Folder path" });
  }

  /** The listing's own scroll box (its header stays pinned; only the rows in view are in the page). */
  get scrollBox(): Locator {
    return this.page.getByRole("region", { name: /^Files in / });
  }

  get table(): Locator {
    return this.page.getByRole("table");
  }

  /** The names in the listing, in order (a directory's name ends with "/"): the row header's icon, then the name. */
  async names(): Promise<string[]> {
    const cells = this.table.locator("[role=rowheader] > span > :nth-child(2)");
    return (await cells.allInnerTexts()).map((t) => t.trim());
  }

  /** The column headers that say a direction (the others sort too, and say "none"). */
  get sortedHeaders(): Locator {
    return this.table.getByRole("columnheader").and(this.table.locator("[aria-sort=ascending], [aria-sort=descending]"));
  }

  /** Every row in the page (the header's, the entries' and the placeholders'): only those in view, when virtual. */
  get rowsInPage(): Locator {
    return this.table.locator("[role=rowgroup] > *");
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  open(name: string): Promise<void> {
    return this.table.getByRole("link", { name, exact: true }).click();
  }

  get filter(): Locator {
    return this.page.getByLabel("Filter by name");
  }

  get count(): Locator {
    return this.page
      .getByText(/entries|entry/)
      .filter({ hasText: /\.$/ })
      .first();
  }

  preview(name: string): Promise<void> {
    return this.page.getByRole("button", { name: `Preview ${name}`, exact: true }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  sortBy(column: "Name" | "Size" | "Modified"): Promise<void> {
    return this.table.getByRole("button", { name: column }).click();
  }
}
