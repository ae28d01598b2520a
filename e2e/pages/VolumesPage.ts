import { expect, type Locator, type Page } from "@playwright/test";

/** The volumes list of one engine, with its toolbar and dialogs. */
export class VolumesPage {
  readonly heading: Locator;
  readonly search: Locator;
  /** The counts above the table, each a "Show" filter button ("Total", "In use", "Unused", "Anonymous"). */
  readonly show: Locator;
  readonly labelFilter: Locator;
  /** "Unused for more than [N] days" (empty: any). */
  readonly unusedFilter: Locator;
  readonly createButton: Locator;
  readonly pruneButton: Locator;
  /** Every volume row (the header row has no actions menu). */
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    readonly engine = "local",
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: "Volumes" });
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.show = page.getByRole("group", { name: "Show" });
    this.labelFilter = page.getByRole("textbox", { name: "Label", exact: true });
    this.unusedFilter = page.getByRole("spinbutton", { name: /^Unused for more than/ });
    this.createButton = page.getByRole("button", { name: "Create volume" });
    this.pruneButton = page.getByRole("button", { name: "Prune…" });
    this.rows = page
      .getByRole("table", { name: "Volumes" })
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: /^Actions for volume / }) });
  }

  get path(): string {
    return `/engines/${encodeURIComponent(this.engine)}/volumes`;
  }

  /** Opens the page and waits until the list has loaded (or failed to). */
  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole("status").filter({ hasText: "Loading volumes…" })).toHaveCount(0);
  }

  /**
   * Loads the page with search `q` until the server's HTML carries the row of `name`. The server hands the rows over
   * only when its answer is ready within 300 ms; on a loaded machine a render may leave them to the browser, as it must.
   */
  async gotoUntilHandedOver(q: string, name: string): Promise<void> {
    const carriesRow = async () => ((await (await this.page.goto(`${this.path}?q=${q}`))?.text()) ?? "").includes(`Actions for volume ${name}`);
    await expect.poll(carriesRow, { timeout: 30_000, intervals: [0] }).toBe(true);
  }

  /** The header says ", live" (to screen readers) once the page follows the engine's events. */
  async waitLive(): Promise<void> {
    await expect(this.page.getByRole("banner")).toContainText(", live");
  }

  /** The row of one volume, found by its (full) name through the row's actions menu. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.menuButton(name) });
  }

  /** Chooses a "Show" count ("Total", "In use", "Unused", "Anonymous"). */
  async showOnly(label: "Total" | "In use" | "Unused" | "Anonymous"): Promise<void> {
    await this.show.getByRole("button", { name: new RegExp(`${label}$`) }).click();
  }

  /** The row's actions menu button. */
  menuButton(name: string): Locator {
    return this.page.getByRole("button", { name: `Actions for volume ${name}`, exact: true });
  }

  /** Opens the row's menu and answers its item (e.g. "Remove…"). */
  async menuItem(name: string, item: string): Promise<Locator> {
    await this.menuButton(name).click();
    const menuItem = this.page.getByRole("menuitem", { name: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
    await expect(menuItem).toBeVisible();
    return menuItem;
  }

  /** The volume's name link; a 64-hex name is shown (and named) by its first 12 characters. */
  link(name: string): Locator {
    const shown = /^[0-9a-f]{64}$/.test(name) ? name.slice(0, 12) : name;
    return this.row(name).getByRole("link", { name: shown, exact: true });
  }

  /** A sortable column's header button ("Name", "Last used", …). */
  sortButton(column: string): Locator {
    return this.page.getByRole("columnheader").getByRole("button", { name: column, exact: true });
  }

  columnHeader(column: string): Locator {
    return this.page.getByRole("columnheader").filter({ has: this.page.getByRole("button", { name: column, exact: true }) });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  async openCreate(): Promise<CreateVolumeDialog> {
    await this.createButton.click();
    const dialog = new CreateVolumeDialog(this.dialog("Create volume"));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openRemove(name: string): Promise<Locator> {
    await (await this.menuItem(name, "Remove…")).click();
    const dialog = this.dialog(`Remove volume ${name}?`);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async openPrune(): Promise<PruneDialog> {
    await this.pruneButton.click();
    const dialog = new PruneDialog(this.dialog("Prune unused volumes"));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class CreateVolumeDialog {
  readonly name: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly root: Locator) {
    this.name = root.getByRole("textbox", { name: "Name", exact: true });
    this.submit = root.getByRole("button", { name: "Create", exact: true });
    this.error = root.getByRole("alert");
  }

  async addLabel(key: string, value: string): Promise<void> {
    await this.root.getByRole("button", { name: "Add label", exact: true }).click();
    const n = await this.root.getByRole("textbox", { name: /^Labels \d+ key$/ }).count();
    await this.root.getByRole("textbox", { name: `Labels ${n} key`, exact: true }).fill(key);
    await this.root.getByRole("textbox", { name: `Labels ${n} value`, exact: true }).fill(value);
  }
}

export class PruneDialog {
  readonly allUnused: Locator;
  readonly anonymousOnly: Locator;
  readonly previewButton: Locator;
  readonly continueButton: Locator;
  readonly previewTable: Locator;
  readonly removedList: Locator;
  /** "Only volumes unused for more than [N] days". */
  readonly unusedDays: Locator;
  readonly status: Locator;

  constructor(readonly root: Locator) {
    this.allUnused = root.getByRole("radio", { name: /All unused volumes/ });
    this.anonymousOnly = root.getByRole("radio", { name: /Anonymous volumes only/ });
    this.previewButton = root.getByRole("button", { name: "Preview" });
    this.continueButton = root.getByRole("button", { name: "Continue…" });
    this.previewTable = root.getByRole("table", { name: "Volumes that would be removed" });
    this.removedList = root.getByRole("list", { name: "Removed volumes" });
    this.unusedDays = root.getByRole("textbox", { name: /^Only volumes unused for more than/ });
    this.status = root.getByRole("status");
  }

  /** Body rows of the preview table (the second row group; the first holds the column headers). */
  get previewRows(): Locator {
    return this.previewTable.getByRole("rowgroup").nth(1).getByRole("row");
  }

  previewRow(name: string): Locator {
    // `has` is matched inside each row, so the inner locator starts from the page, not from the dialog.
    return this.previewRows.filter({ has: this.root.page().getByRole("rowheader", { name, exact: true }) });
  }

  /** The box the preview's list scrolls in (the table's own; the dialog does not scroll it). */
  get previewScrollBox(): Locator {
    return this.previewTable.locator("xpath=..");
  }

  /** How many volumes the preview lists, all of them: above 150 only those near the box's view are rows in the page. */
  async previewCount(): Promise<number> {
    const rowCount = await this.previewTable.getAttribute("aria-rowcount");
    return rowCount ? Number(rowCount) - 1 : this.previewRows.count();
  }
}
